import { withdrawJoinRequest as contract } from '../../../../shared/contracts/join';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { withdrawJoinRequest } from '../../../services/join/withdraw-join-request';

export default defineRoute(contract, {
  access: { action: 'joinRequest.withdraw', on: { kind: 'joinRequest', param: 'id' } },
  handle: (ctx, { params }) => withdrawJoinRequest(signedIn(ctx), params.id),
});

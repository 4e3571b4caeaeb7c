import { approveJoinRequest as contract } from '../../../../shared/contracts/join';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { approveJoinRequest } from '../../../services/join/approve-join-request';

export default defineRoute(contract, {
  access: { action: 'joinRequest.decide', on: { kind: 'joinRequest', param: 'id' } },
  handle: (ctx, { params }) => approveJoinRequest(signedIn(ctx), params.id),
});

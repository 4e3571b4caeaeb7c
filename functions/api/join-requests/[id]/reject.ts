import { rejectJoinRequest as contract } from '../../../../shared/contracts/join';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { rejectJoinRequest } from '../../../services/join/reject-join-request';

export default defineRoute(contract, {
  access: { action: 'joinRequest.decide', on: { kind: 'joinRequest', param: 'id' } },
  handle: (ctx, { params, body }) => rejectJoinRequest(signedIn(ctx), params.id, body.reason),
});

import { confirmRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { confirmRequest } from '../../../../functions/services/requests/confirm-request';

export default defineRoute(contract, {
  access: { action: 'request.requesterAct', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => confirmRequest(signedIn(ctx), input.params.id, input.body.rating, input.body.comment),
});

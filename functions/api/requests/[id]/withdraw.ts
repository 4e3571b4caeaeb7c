import { withdrawRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { withdrawRequest } from '../../../../functions/services/requests/withdraw-request';

export default defineRoute(contract, {
  access: { action: 'request.requesterAct', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => withdrawRequest(signedIn(ctx), input.params.id, input.body.reason),
});

import { withdrawRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { withdrawRequest } from '../../../../functions/services/requests/withdraw-request';

export default defineRoute(contract, {
  auth: 'signed-in',
  handle: (ctx, input) => withdrawRequest(signedIn(ctx), input.params.id, input.body.reason),
});

import { requestQueue as contract } from '../../../shared/contracts/requests';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { requestQueue } from '../../../functions/services/requests/request-queue';

export default defineRoute(contract, {
  access: { action: 'self.requestQueue' },
  handle: (ctx, input) => requestQueue(signedIn(ctx), input.query),
});

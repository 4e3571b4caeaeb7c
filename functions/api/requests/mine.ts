import { listMyRequests as contract } from '../../../shared/contracts/requests';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { listMyRequestsOf } from '../../../functions/services/requests/list-my-requests';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx, input) => listMyRequestsOf(signedIn(ctx), input.query),
});

import { closeJob as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { closeJob } from '../../../../functions/services/market/close-job';

export default defineRoute(contract, {
  auth: 'signed-in',
  handle: (ctx, { params }) => closeJob(signedIn(ctx), params.id),
});

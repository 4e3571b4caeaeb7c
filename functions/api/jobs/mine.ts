import { myJobs as contract } from '../../../shared/contracts/jobs';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { myJobs } from '../../../functions/services/market/read-jobs';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => myJobs(signedIn(ctx)),
});

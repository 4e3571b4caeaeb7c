import { myApplications as contract } from '../../../shared/contracts/jobs';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { listMyApplications } from '../../../functions/services/market/work-records';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => listMyApplications(signedIn(ctx)),
});

import { browseJobs, createJob } from '../../../shared/contracts/jobs';
import { defineRoute, defineRoutes } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { browseJobs as first } from '../../../functions/services/market/read-jobs';
import { createJob as second } from '../../../functions/services/market/write-job';

export default defineRoutes(
  defineRoute(browseJobs, { access: { action: 'self.use' }, handle: (ctx, { query }) => first(signedIn(ctx), query) }),
  defineRoute(createJob, { access: { action: 'self.use' }, handle: (ctx, { body }) => second(signedIn(ctx), body) }),
);

import { reviewJob as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { reviewJob } from '../../../../functions/services/market/review-job';

export default defineRoute(contract, {
  access: { action: 'job.review', on: { kind: 'job', param: 'id' } },
  handle: (ctx, { params, body }) => reviewJob(signedIn(ctx), params.id, body),
});

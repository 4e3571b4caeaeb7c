import { submitJob as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { submitJob } from '../../../../functions/services/market/submit-job';

export default defineRoute(contract, {
  access: { action: 'job.own', on: { kind: 'job', param: 'id' } },
  handle: (ctx, { params }) => submitJob(signedIn(ctx), params.id),
});

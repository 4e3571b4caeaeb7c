import { closeJob as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { closeJob } from '../../../../functions/services/market/close-job';

export default defineRoute(contract, {
  access: { action: 'job.own', on: { kind: 'job', param: 'id' } },
  handle: (ctx, { params }) => closeJob(signedIn(ctx), params.id),
});

import { getJob, updateJob } from '../../../../shared/contracts/jobs';
import { defineRoute, defineRoutes } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { getJob as first } from '../../../../functions/services/market/read-jobs';
import { updateJob as second } from '../../../../functions/services/market/write-job';

export default defineRoutes(
  defineRoute(getJob, { access: { action: 'job.view', on: { kind: 'job', param: 'id' } }, handle: (ctx, { params }) => first(signedIn(ctx), params.id) }),
  defineRoute(updateJob, {
    access: { action: 'job.own', on: { kind: 'job', param: 'id' } },
    handle: (ctx, { params, body }) => second(signedIn(ctx), params.id, body),
  }),
);

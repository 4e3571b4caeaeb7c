import { jobApplications, applyJob } from '../../../../shared/contracts/jobs';
import { defineRoute, defineRoutes } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { listJobApplications as first } from '../../../../functions/services/market/work-records';
import { applyJob as second } from '../../../../functions/services/market/apply-job';

export default defineRoutes(
  defineRoute(jobApplications, {
    access: { action: 'job.own', on: { kind: 'job', param: 'id' } },
    handle: (ctx, { params }) => first(signedIn(ctx), params.id),
  }),
  defineRoute(applyJob, {
    access: { action: 'job.view', on: { kind: 'job', param: 'id' } },
    handle: (ctx, { params, body }) => second(signedIn(ctx), params.id, body.note),
  }),
);

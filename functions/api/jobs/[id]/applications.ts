import { jobApplications, applyJob } from '../../../../shared/contracts/market';
import { defineRoute, defineRoutes } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { listJobApplications as first } from '../../../../functions/services/market/work-records';
import { applyJob as second } from '../../../../functions/services/market/apply-job';

export default defineRoutes(
  defineRoute(jobApplications, { auth: 'signed-in', handle: (ctx, { params }) => first(signedIn(ctx), params.id) }),
  defineRoute(applyJob, { auth: 'signed-in', handle: (ctx, { params, body }) => second(signedIn(ctx), params.id, body.note) }),
);

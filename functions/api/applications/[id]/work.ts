import { confirmWork as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { confirmWork } from '../../../../functions/services/market/work-records';

export default defineRoute(contract, {
  access: { action: 'application.work', on: { kind: 'application', param: 'id' } },
  handle: (ctx, { params, body }) => confirmWork(signedIn(ctx), params.id, body),
});

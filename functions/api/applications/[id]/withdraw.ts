import { withdrawApplication as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { withdrawApplication } from '../../../../functions/services/market/work-records';

export default defineRoute(contract, {
  access: { action: 'application.withdraw', on: { kind: 'application', param: 'id' } },
  handle: (ctx, { params }) => withdrawApplication(signedIn(ctx), params.id),
});

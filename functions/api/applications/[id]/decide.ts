import { decideApplication as contract } from '../../../../shared/contracts/jobs';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { decideApplication } from '../../../../functions/services/market/decide-application';

export default defineRoute(contract, {
  access: { action: 'application.decide', on: { kind: 'application', param: 'id' } },
  handle: (ctx, { params, body }) => decideApplication(signedIn(ctx), params.id, body.decision),
});

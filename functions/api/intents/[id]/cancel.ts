import { cancelIntent as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { cancelIntent } from '../../../../functions/services/market/cancel-intent';

export default defineRoute(contract, {
  access: { action: 'intent.cancel', on: { kind: 'intent', param: 'id' } },
  handle: (ctx, { params }) => cancelIntent(signedIn(ctx), params.id),
});

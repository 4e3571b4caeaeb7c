import { decideIntent as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { decideIntent } from '../../../../functions/services/market/decide-intent';

export default defineRoute(contract, {
  access: { action: 'intent.decide', on: { kind: 'intent', param: 'id' } },
  handle: (ctx, { params, body }) => decideIntent(signedIn(ctx), params.id, body),
});

import { activeSos as contract } from '../../../shared/contracts/sos';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { activeSos } from '../../../functions/services/sos/active-sos';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx, input) => activeSos(signedIn(ctx), input.query),
});

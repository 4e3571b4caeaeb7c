import { myIntents as contract } from '../../../shared/contracts/market';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { listMyIntents } from '../../../functions/services/market/list-intents';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => listMyIntents(signedIn(ctx)),
});

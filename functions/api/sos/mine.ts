import { mySos as contract } from '../../../shared/contracts/sos';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { mySos } from '../../../functions/services/sos/my-sos';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => mySos(signedIn(ctx)),
});

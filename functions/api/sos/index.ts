import { raiseSos as contract } from '../../../shared/contracts/sos';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { raiseSos } from '../../services/sos/raise-sos';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: async (ctx) => {
    const r = await raiseSos(signedIn(ctx));
    return { ...r.call, created: r.created };
  },
  statusOf: (r) => (r.created ? 201 : 200),
});

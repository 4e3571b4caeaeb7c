import { getMyPoints as contract } from '../../../shared/contracts/points';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { getMyPoints } from '../../services/points/get-my-points';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx, { query }) => getMyPoints(signedIn(ctx), query),
});

import { listMyRedemptions as contract } from '../../../shared/contracts/points';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { listMyRedemptions } from '../../services/points/list-my-redemptions';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => listMyRedemptions(signedIn(ctx)),
});

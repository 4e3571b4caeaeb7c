import { redeemReward as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { redeemReward } from '../../../services/points/redeem-reward';
export default defineRoute(contract, {
  access: { action: 'reward.redeem', on: { kind: 'reward', param: 'id' } },
  handle: (ctx, { params }) => redeemReward(signedIn(ctx), params.id),
});

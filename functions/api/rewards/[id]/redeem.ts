import { redeemReward as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { redeemReward } from '../../../services/points/redeem-reward';
import { ALL_ROLES } from '../../../../shared/domain/roles';
export default defineRoute(contract, {
  auth: { roles: ALL_ROLES, reach: 'within', scope: ({ params }) => ({ kind: 'reward', id: params.id }) },
  handle: (ctx, { params }) => redeemReward(signedIn(ctx), params.id),
});

import { getHouseholdPoints as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getHouseholdPoints } from '../../../services/points/get-household-points';

export default defineRoute(contract, {
  access: { action: 'household.points', on: { kind: 'household', param: 'householdId' } },
  handle: (ctx, { params, query }) => getHouseholdPoints(signedIn(ctx), params.householdId, query),
});

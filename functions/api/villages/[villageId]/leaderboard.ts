import { villageLeaderboard as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { villageLeaderboard } from '../../../services/points/village-leaderboard';
import { ALL_ROLES } from '../../../../shared/domain/roles';
export default defineRoute(contract, {
  auth: { roles: ALL_ROLES, reach: 'within', scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params, query }) => villageLeaderboard(signedIn(ctx), params.villageId, query),
});

import { townshipLeaderboard as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { townshipLeaderboard } from '../../../services/points/township-leaderboard';

export default defineRoute(contract, {
  auth: { roles: ['township_staff'], scope: ({ params }) => ({ kind: 'township', id: params.townshipId }) },
  handle: (ctx, { params, query }) => townshipLeaderboard(signedIn(ctx), params.townshipId, query),
});

import { townshipLeaderboard as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { townshipLeaderboard } from '../../../services/points/township-leaderboard';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => townshipLeaderboard(signedIn(ctx), params.townshipId, query),
});

import { villageLeaderboard as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { villageLeaderboard } from '../../../services/points/village-leaderboard';
export default defineRoute(contract, {
  access: { action: 'village.memberInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => villageLeaderboard(signedIn(ctx), params.villageId, query),
});

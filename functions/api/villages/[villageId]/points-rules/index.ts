import { listPointsRules as contract } from '../../../../../shared/contracts/points';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listPointsRules } from '../../../../services/points/list-points-rules';
export default defineRoute(contract, {
  access: { action: 'village.memberInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => listPointsRules(signedIn(ctx), params.villageId),
});

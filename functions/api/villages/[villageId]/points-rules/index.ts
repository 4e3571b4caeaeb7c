import { listPointsRules as contract } from '../../../../../shared/contracts/points';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listPointsRules } from '../../../../services/points/list-points-rules';
import { ALL_ROLES } from '../../../../../shared/domain/roles';
export default defineRoute(contract, {
  auth: { roles: ALL_ROLES, reach: 'within', scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params }) => listPointsRules(signedIn(ctx), params.villageId),
});

import { createReward, listRewards } from '../../../../shared/contracts/points';
import { ALL_ROLES } from '../../../../shared/domain/roles';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { createReward as create } from '../../../services/points/create-reward';
import { listRewards as list } from '../../../services/points/list-rewards';

export default defineRoutes(
  defineRoute(listRewards, {
    auth: { roles: ALL_ROLES, reach: 'within', scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params }) => list(signedIn(ctx), params.villageId),
  }),
  defineRoute(createReward, {
    auth: { roles: ['village_cadre'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params, body }) => create(signedIn(ctx), params.villageId, body),
  }),
);

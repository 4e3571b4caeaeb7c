import { createReward, listRewards } from '../../../../shared/contracts/points';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { createReward as create } from '../../../services/points/create-reward';
import { listRewards as list } from '../../../services/points/list-rewards';

export default defineRoutes(
  defineRoute(listRewards, {
    access: { action: 'village.memberInfo', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params }) => list(signedIn(ctx), params.villageId),
  }),
  defineRoute(createReward, {
    access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params, body }) => create(signedIn(ctx), params.villageId, body),
  }),
);

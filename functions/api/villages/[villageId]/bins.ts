import { createBin, listVillageBins } from '../../../../shared/contracts/bins';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { createBin as create } from '../../../services/bins/create-bin';
import { listVillageBins as list } from '../../../services/bins/list-village-bins';

export default defineRoutes(
  defineRoute(listVillageBins, {
    auth: { roles: ['village_cadre', 'township_staff'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params }) => list(signedIn(ctx), params.villageId),
  }),
  defineRoute(createBin, {
    auth: { roles: ['village_cadre'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params, body }) => create(signedIn(ctx), params.villageId, body),
  }),
);

import { createBin, listVillageBins } from '../../../../shared/contracts/bins';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { createBin as create } from '../../../services/bins/create-bin';
import { listVillageBins as list } from '../../../services/bins/list-village-bins';

export default defineRoutes(
  defineRoute(listVillageBins, {
    access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params }) => list(signedIn(ctx), params.villageId),
  }),
  defineRoute(createBin, {
    access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params, body }) => create(signedIn(ctx), params.villageId, body),
  }),
);

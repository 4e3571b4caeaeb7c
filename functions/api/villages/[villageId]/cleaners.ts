import { listVillageCleaners as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageCleaners } from '../../../services/bins/list-village-cleaners';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre', 'township_staff'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params }) => listVillageCleaners(signedIn(ctx), params.villageId),
});

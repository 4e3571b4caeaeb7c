import { listVillageBins as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageBins } from '../../../services/bins/list-village-bins';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre', 'township_staff'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params }) => listVillageBins(signedIn(ctx), params.villageId),
});

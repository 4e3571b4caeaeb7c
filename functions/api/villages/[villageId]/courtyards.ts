import { listVillageCourtyards as contract } from '../../../../shared/contracts/me';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageCourtyards } from '../../../services/me/list-village-courtyards';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre', 'township_staff', 'shopkeeper'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params }) => listVillageCourtyards(signedIn(ctx), params.villageId),
});

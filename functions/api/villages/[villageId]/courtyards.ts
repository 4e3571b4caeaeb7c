import { listVillageCourtyards as contract } from '../../../../shared/contracts/me';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageCourtyards } from '../../../services/me/list-village-courtyards';

export default defineRoute(contract, {
  access: { action: 'village.courtyards', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => listVillageCourtyards(signedIn(ctx), params.villageId),
});

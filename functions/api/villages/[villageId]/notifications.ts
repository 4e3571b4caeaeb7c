import { listVillageNotifications as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageNotifications } from '../../../services/notifications/list-village-notifications';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre', 'township_staff'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params, query }) => listVillageNotifications(signedIn(ctx), params.villageId, query.state),
});

import { listVillageNotifications as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageNotifications } from '../../../services/notifications/list-village-notifications';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listVillageNotifications(signedIn(ctx), params.villageId, query.state),
});

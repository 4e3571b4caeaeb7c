import { villageStaffReach as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageStaffReach } from '../../../services/notifications/list-village-staff-reach';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => listVillageStaffReach(signedIn(ctx), params.villageId),
});

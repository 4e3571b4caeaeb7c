import { exportVillageRequests as contract } from '../../../../../shared/contracts/office-requests';
import { fileOf } from '../../../../_lib/respond';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { exportDeskRequests } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => exportDeskRequests(signedIn(ctx), { tier: 'village', id: params.villageId }, query),
  raw: fileOf,
});

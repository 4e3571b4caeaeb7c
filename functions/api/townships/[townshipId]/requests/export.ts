import { exportTownshipRequests as contract } from '../../../../../shared/contracts/office-requests';
import { fileOf } from '../../../../_lib/respond';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { exportDeskRequests } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => exportDeskRequests(signedIn(ctx), { tier: 'township', id: params.townshipId }, query),
  raw: fileOf,
});

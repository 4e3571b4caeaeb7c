import { villageRequests as contract } from '../../../../../shared/contracts/office-requests';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listDeskRequestsOf } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listDeskRequestsOf(signedIn(ctx), { tier: 'village', id: params.villageId }, query),
});

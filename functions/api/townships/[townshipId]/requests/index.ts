import { townshipRequests as contract } from '../../../../../shared/contracts/office-requests';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listDeskRequestsOf } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => listDeskRequestsOf(signedIn(ctx), { tier: 'township', id: params.townshipId }, query),
});

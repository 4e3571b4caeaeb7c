import { courtyardRequests as contract } from '../../../../../shared/contracts/office-requests';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listDeskRequestsOf } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'courtyard.requests', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params, query }) => listDeskRequestsOf(signedIn(ctx), { tier: 'courtyard', id: params.courtyardId }, query),
});

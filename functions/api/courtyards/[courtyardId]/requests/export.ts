import { exportCourtyardRequests as contract } from '../../../../../shared/contracts/office-requests';
import { fileOf } from '../../../../_lib/respond';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { exportDeskRequests } from '../../../../services/requests/desk-requests';

export default defineRoute(contract, {
  access: { action: 'courtyard.requests', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params, query }) => exportDeskRequests(signedIn(ctx), { tier: 'courtyard', id: params.courtyardId }, query),
  raw: fileOf,
});

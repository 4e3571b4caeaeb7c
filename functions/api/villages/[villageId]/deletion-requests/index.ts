import { listDeletionRequests as contract } from '../../../../../shared/contracts/privacy';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listDeletionRequests } from '../../../../services/privacy/list-deletion-requests';

export default defineRoute(contract, {
  access: { action: 'village.deletions', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => listDeletionRequests(signedIn(ctx), params.villageId),
});

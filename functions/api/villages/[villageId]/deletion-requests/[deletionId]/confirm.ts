import { confirmDeletion as contract } from '../../../../../../shared/contracts/privacy';
import { defineRoute } from '../../../../../_lib/route';
import { signedIn } from '../../../../../_lib/signed-in';
import { confirmDeletion } from '../../../../../services/privacy/confirm-deletion';

export default defineRoute(contract, {
  access: { action: 'village.deletions', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => confirmDeletion(signedIn(ctx), params.villageId, params.deletionId),
});

import { listTownshipVillages as contract } from '../../../../shared/contracts/me';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listTownshipVillages } from '../../../services/me/list-township-villages';

export default defineRoute(contract, {
  auth: { roles: ['township_staff'], scope: ({ params }) => ({ kind: 'township', id: params.townshipId }) },
  handle: (ctx, { params }) => listTownshipVillages(signedIn(ctx), params.townshipId),
});

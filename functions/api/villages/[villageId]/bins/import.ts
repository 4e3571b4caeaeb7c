import { importBins as contract } from '../../../../../shared/contracts/bins';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { importBins } from '../../../../services/bins/import-bins';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params, body }) => importBins(signedIn(ctx), params.villageId, body.csv),
});

import { importBins as contract } from '../../../../../shared/contracts/bins';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { importBins } from '../../../../services/bins/import-bins';

export default defineRoute(contract, {
  access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => importBins(signedIn(ctx), params.villageId, body.csv),
});

import { villageOpenBins as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageOpenBins } from '../../../services/bins/list-village-open-bins';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listVillageOpenBins(signedIn(ctx), params.villageId, query.limit),
});

import { listVillageCleaners as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageCleaners } from '../../../services/bins/list-village-cleaners';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => listVillageCleaners(signedIn(ctx), params.villageId),
});

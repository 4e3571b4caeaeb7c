import { listVillageHouseholds as contract } from '../../../../../shared/contracts/registry';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listHouseholds } from '../../../../services/registry/list-households';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listHouseholds(signedIn(ctx), { villageId: params.villageId }, query),
});

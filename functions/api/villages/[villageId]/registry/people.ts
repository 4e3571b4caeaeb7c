import { listVillageRegistry as contract } from '../../../../../shared/contracts/registry';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listRegistry } from '../../../../services/registry/list-registry';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listRegistry(signedIn(ctx), { villageId: params.villageId }, query),
});

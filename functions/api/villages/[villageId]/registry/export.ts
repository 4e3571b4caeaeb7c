import { exportVillageRegistry as contract } from '../../../../../shared/contracts/registry';
import { fileOf } from '../../../../_lib/respond';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { exportRegistry } from '../../../../services/registry/export-registry';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => exportRegistry(signedIn(ctx), { villageId: params.villageId }, query),
  raw: fileOf,
});

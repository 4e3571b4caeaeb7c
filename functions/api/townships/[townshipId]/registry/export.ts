import { exportTownshipRegistry as contract } from '../../../../../shared/contracts/registry';
import { fileOf } from '../../../../_lib/respond';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { exportRegistry } from '../../../../services/registry/export-registry';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => exportRegistry(signedIn(ctx), { townshipId: params.townshipId }, query),
  raw: fileOf,
});

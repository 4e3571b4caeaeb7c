import { commitRegistryImport as contract } from '../../../../../../../shared/contracts/registry-import';
import { defineRoute } from '../../../../../../_lib/route';
import { signedIn } from '../../../../../../_lib/signed-in';
import { commitRegistryImport } from '../../../../../../services/registry/commit-import';

export default defineRoute(contract, {
  access: { action: 'village.registryImport', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => commitRegistryImport(signedIn(ctx), params.villageId, params.importId),
});

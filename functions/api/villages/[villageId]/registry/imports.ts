import { startRegistryImport as contract } from '../../../../../shared/contracts/registry-import';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { startRegistryImport } from '../../../../services/registry/start-import';

export default defineRoute(contract, {
  access: { action: 'village.registryImport', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => startRegistryImport(signedIn(ctx), params.villageId, body.fileName),
});

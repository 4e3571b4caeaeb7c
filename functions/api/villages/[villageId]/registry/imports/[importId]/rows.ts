import { uploadRegistryRows as contract } from '../../../../../../../shared/contracts/registry-import';
import { defineRoute } from '../../../../../../_lib/route';
import { signedIn } from '../../../../../../_lib/signed-in';
import { uploadRegistryRows } from '../../../../../../services/registry/upload-rows';

export default defineRoute(contract, {
  access: { action: 'village.registryImport', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => uploadRegistryRows(signedIn(ctx), params.villageId, params.importId, body.rows),
});

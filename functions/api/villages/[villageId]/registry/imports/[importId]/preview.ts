import { previewRegistryImport as contract } from '../../../../../../../shared/contracts/registry-import';
import { defineRoute } from '../../../../../../_lib/route';
import { previewRegistryImport } from '../../../../../../services/registry/preview-import';

export default defineRoute(contract, {
  access: { action: 'village.registryImport', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => previewRegistryImport(ctx, params.villageId, params.importId),
});

import { downloadRegistryTemplate as contract } from '../../../../../shared/contracts/registry-import';
import { defineRoute } from '../../../../_lib/route';
import { registryTemplate } from '../../../../services/registry/registry-template';

export default defineRoute(contract, {
  access: { action: 'village.registryImport', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params }) => registryTemplate(ctx, params.villageId),
  raw: (r) => ({
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(r.base64, 'base64'),
    filename: r.fileName,
  }),
});

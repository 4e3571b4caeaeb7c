import { openapi } from '../../shared/contracts/health';
import { defineRoute } from '../_lib/route';
import { getOpenApiDocument } from '../services/system/openapi';

export default defineRoute(openapi, { access: 'public', handle: async () => getOpenApiDocument() });

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { uploadRegistryRows as contract } from '../registry-import';

export const uploadRegistryRows: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/registry/imports/{importId}/rows' };

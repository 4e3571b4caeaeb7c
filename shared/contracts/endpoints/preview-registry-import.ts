// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { previewRegistryImport as contract } from '../registry-import';

export const previewRegistryImport: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/registry/imports/{importId}/preview' };

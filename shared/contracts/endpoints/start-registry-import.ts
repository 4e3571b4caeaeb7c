// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { startRegistryImport as contract } from '../registry-import';

export const startRegistryImport: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/registry/imports' };

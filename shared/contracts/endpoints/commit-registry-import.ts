// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { commitRegistryImport as contract } from '../registry-import';

export const commitRegistryImport: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/registry/imports/{importId}/commit' };

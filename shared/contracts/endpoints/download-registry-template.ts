// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { downloadRegistryTemplate as contract } from '../registry-import';

export const downloadRegistryTemplate: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/registry/template' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportVillageRegistry as contract } from '../registry';

export const exportVillageRegistry: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/registry/export' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportVillageRequests as contract } from '../office-requests';

export const exportVillageRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/requests/export' };

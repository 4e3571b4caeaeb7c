// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportTownshipRequests as contract } from '../office-requests';

export const exportTownshipRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/requests/export' };

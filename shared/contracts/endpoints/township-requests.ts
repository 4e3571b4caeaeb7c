// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { townshipRequests as contract } from '../office-requests';

export const townshipRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/requests' };

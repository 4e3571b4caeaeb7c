// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { townshipOverview as contract } from '../overview';

export const townshipOverview: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/overview' };

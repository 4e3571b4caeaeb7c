// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { townshipRequestStats as contract } from '../requests';

export const townshipRequestStats: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/request-stats' };

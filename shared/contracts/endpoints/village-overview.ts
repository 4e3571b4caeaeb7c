// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { villageOverview as contract } from '../overview';

export const villageOverview: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/overview' };

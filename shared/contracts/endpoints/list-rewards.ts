// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listRewards as contract } from '../points';

export const listRewards: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/rewards' };

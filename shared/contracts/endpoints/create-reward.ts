// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { createReward as contract } from '../points';

export const createReward: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/rewards' };

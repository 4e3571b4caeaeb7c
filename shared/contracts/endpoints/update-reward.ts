// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateReward as contract } from '../points';

export const updateReward: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/rewards/{id}' };

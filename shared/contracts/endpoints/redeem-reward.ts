// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { redeemReward as contract } from '../points';

export const redeemReward: TEndpoint<typeof contract> = { method: 'POST', path: '/api/rewards/{id}/redeem' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cancelRedemption as contract } from '../points';

export const cancelRedemption: TEndpoint<typeof contract> = { method: 'POST', path: '/api/redemptions/{id}/cancel' };

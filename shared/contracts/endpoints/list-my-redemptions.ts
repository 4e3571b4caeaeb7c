// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listMyRedemptions as contract } from '../points';

export const listMyRedemptions: TEndpoint<typeof contract> = { method: 'GET', path: '/api/redemptions/mine' };

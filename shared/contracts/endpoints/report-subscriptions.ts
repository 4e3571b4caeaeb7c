// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { reportSubscriptions as contract } from '../notifications';

export const reportSubscriptions: TEndpoint<typeof contract> = { method: 'POST', path: '/api/subscriptions' };

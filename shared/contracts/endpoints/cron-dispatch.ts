// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cronDispatch as contract } from '../notifications';

export const cronDispatch: TEndpoint<typeof contract> = { method: 'GET', path: '/api/cron/dispatch' };

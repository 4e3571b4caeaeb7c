// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { retryNotification as contract } from '../notifications';

export const retryNotification: TEndpoint<typeof contract> = { method: 'POST', path: '/api/notifications/{id}/retry' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { markAllInboxRead as contract } from '../notifications';

export const markAllInboxRead: TEndpoint<typeof contract> = { method: 'POST', path: '/api/inbox/read-all' };

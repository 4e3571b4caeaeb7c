// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { unreadCount as contract } from '../notifications';

export const unreadCount: TEndpoint<typeof contract> = { method: 'GET', path: '/api/inbox/unread-count' };

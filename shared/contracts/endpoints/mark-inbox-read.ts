// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { markInboxRead as contract } from '../notifications';

export const markInboxRead: TEndpoint<typeof contract> = { method: 'POST', path: '/api/inbox/{id}/read' };

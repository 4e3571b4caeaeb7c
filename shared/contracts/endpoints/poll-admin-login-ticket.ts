// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { pollAdminLoginTicket as contract } from '../admin-login';

export const pollAdminLoginTicket: TEndpoint<typeof contract> = { method: 'GET', path: '/api/admin-login/tickets/{ticketId}' };

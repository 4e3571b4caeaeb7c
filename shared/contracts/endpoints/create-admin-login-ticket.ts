// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { createAdminLoginTicket as contract } from '../admin-login';

export const createAdminLoginTicket: TEndpoint<typeof contract> = { method: 'POST', path: '/api/admin-login/tickets' };

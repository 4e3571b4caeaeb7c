// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listMySessions as contract } from '../admin-login';

export const listMySessions: TEndpoint<typeof contract> = { method: 'GET', path: '/api/me/sessions' };

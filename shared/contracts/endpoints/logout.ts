// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { logout as contract } from '../auth';

export const logout: TEndpoint<typeof contract> = { method: 'POST', path: '/api/auth/logout' };

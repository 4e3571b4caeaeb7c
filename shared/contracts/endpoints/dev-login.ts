// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { devLogin as contract } from '../auth';

export const devLogin: TEndpoint<typeof contract> = { method: 'POST', path: '/api/auth/dev-login' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getMe as contract } from '../me';

export const getMe: TEndpoint<typeof contract> = { method: 'GET', path: '/api/me' };

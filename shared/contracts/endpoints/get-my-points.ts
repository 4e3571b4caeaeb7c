// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getMyPoints as contract } from '../points';

export const getMyPoints: TEndpoint<typeof contract> = { method: 'GET', path: '/api/points/me' };

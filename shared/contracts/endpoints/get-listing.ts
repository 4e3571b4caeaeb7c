// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getListing as contract } from '../market';

export const getListing: TEndpoint<typeof contract> = { method: 'GET', path: '/api/listings/{id}' };

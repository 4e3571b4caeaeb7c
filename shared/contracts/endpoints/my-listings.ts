// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { myListings as contract } from '../market';

export const myListings: TEndpoint<typeof contract> = { method: 'GET', path: '/api/listings/mine' };

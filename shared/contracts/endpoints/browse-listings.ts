// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { browseListings as contract } from '../market';

export const browseListings: TEndpoint<typeof contract> = { method: 'GET', path: '/api/listings' };

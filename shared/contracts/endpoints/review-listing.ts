// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { reviewListing as contract } from '../market';

export const reviewListing: TEndpoint<typeof contract> = { method: 'POST', path: '/api/listings/{id}/review' };

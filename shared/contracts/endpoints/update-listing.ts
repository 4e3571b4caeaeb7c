// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateListing as contract } from '../market';

export const updateListing: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/listings/{id}' };

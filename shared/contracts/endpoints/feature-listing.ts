// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { featureListing as contract } from '../market';

export const featureListing: TEndpoint<typeof contract> = { method: 'POST', path: '/api/listings/{id}/feature' };

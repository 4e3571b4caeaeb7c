// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listingIntents as contract } from '../market';

export const listingIntents: TEndpoint<typeof contract> = { method: 'GET', path: '/api/listings/{id}/intents' };

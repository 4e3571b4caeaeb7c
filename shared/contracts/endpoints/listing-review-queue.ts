// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listingReviewQueue as contract } from '../jobs';

export const listingReviewQueue: TEndpoint<typeof contract> = { method: 'GET', path: '/api/listings/review-queue' };

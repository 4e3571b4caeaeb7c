// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { requestTimeline as contract } from '../requests';

export const requestTimeline: TEndpoint<typeof contract> = { method: 'GET', path: '/api/requests/{id}/timeline' };

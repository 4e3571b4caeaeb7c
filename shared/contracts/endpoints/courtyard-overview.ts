// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { courtyardOverview as contract } from '../overview';

export const courtyardOverview: TEndpoint<typeof contract> = { method: 'GET', path: '/api/courtyards/{courtyardId}/overview' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportCourtyardRequests as contract } from '../office-requests';

export const exportCourtyardRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/courtyards/{courtyardId}/requests/export' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listCourtyardJoinRequests as contract } from '../join';

export const listCourtyardJoinRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/courtyards/{courtyardId}/join-requests' };

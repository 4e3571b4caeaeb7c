// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listCourtyardPeople as contract } from '../points';

export const listCourtyardPeople: TEndpoint<typeof contract> = { method: 'GET', path: '/api/courtyards/{courtyardId}/people' };

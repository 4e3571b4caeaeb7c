// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listCourtyardRegistry as contract } from '../registry';

export const listCourtyardRegistry: TEndpoint<typeof contract> = { method: 'GET', path: '/api/courtyards/{courtyardId}/registry/people' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageCourtyards as contract } from '../me';

export const listVillageCourtyards: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/courtyards' };

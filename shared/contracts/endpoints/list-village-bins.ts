// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageBins as contract } from '../bins';

export const listVillageBins: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/bins' };

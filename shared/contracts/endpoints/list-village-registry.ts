// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageRegistry as contract } from '../registry';

export const listVillageRegistry: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/registry/people' };

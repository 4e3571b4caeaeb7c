// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageHouseholds as contract } from '../registry';

export const listVillageHouseholds: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/registry/households' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageRedemptions as contract } from '../points';

export const listVillageRedemptions: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/redemptions' };

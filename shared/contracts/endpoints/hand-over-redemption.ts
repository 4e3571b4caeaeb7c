// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { handOverRedemption as contract } from '../points';

export const handOverRedemption: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/handover' };

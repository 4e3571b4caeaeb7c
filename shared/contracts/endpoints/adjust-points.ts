// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { adjustPoints as contract } from '../points';

export const adjustPoints: TEndpoint<typeof contract> = { method: 'POST', path: '/api/people/{personId}/points' };

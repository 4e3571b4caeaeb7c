// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listPointsRules as contract } from '../points';

export const listPointsRules: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/points-rules' };

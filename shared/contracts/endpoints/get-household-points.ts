// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getHouseholdPoints as contract } from '../points';

export const getHouseholdPoints: TEndpoint<typeof contract> = { method: 'GET', path: '/api/households/{householdId}/points' };

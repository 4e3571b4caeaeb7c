// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { renameHousehold as contract } from '../registry';

export const renameHousehold: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/households/{householdId}' };

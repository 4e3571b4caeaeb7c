// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { villageStaffReach as contract } from '../notifications';

export const villageStaffReach: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/reachability' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updatePointsSettings as contract } from '../points';

export const updatePointsSettings: TEndpoint<typeof contract> = { method: 'PUT', path: '/api/villages/{villageId}/points-settings' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getRequestSettings as contract } from '../requests';

export const getRequestSettings: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/request-settings' };

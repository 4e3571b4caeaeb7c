// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateRequestSettings as contract } from '../requests';

export const updateRequestSettings: TEndpoint<typeof contract> = { method: 'PUT', path: '/api/villages/{villageId}/request-settings' };

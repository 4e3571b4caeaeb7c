// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cancelSos as contract } from '../sos';

export const cancelSos: TEndpoint<typeof contract> = { method: 'POST', path: '/api/sos/{id}/cancel' };

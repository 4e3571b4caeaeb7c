// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { activeSos as contract } from '../sos';

export const activeSos: TEndpoint<typeof contract> = { method: 'GET', path: '/api/sos/active' };

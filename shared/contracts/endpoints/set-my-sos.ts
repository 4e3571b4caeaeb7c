// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { setMySos as contract } from '../sos';

export const setMySos: TEndpoint<typeof contract> = { method: 'PUT', path: '/api/me/sos' };

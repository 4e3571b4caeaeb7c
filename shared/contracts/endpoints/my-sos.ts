// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { mySos as contract } from '../sos';

export const mySos: TEndpoint<typeof contract> = { method: 'GET', path: '/api/sos/mine' };

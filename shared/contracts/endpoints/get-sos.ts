// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getSos as contract } from '../sos';

export const getSos: TEndpoint<typeof contract> = { method: 'GET', path: '/api/sos/{id}' };

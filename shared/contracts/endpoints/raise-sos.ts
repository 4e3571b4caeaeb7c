// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { raiseSos as contract } from '../sos';

export const raiseSos: TEndpoint<typeof contract> = { method: 'POST', path: '/api/sos' };

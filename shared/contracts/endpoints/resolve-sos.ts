// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { resolveSos as contract } from '../sos';

export const resolveSos: TEndpoint<typeof contract> = { method: 'POST', path: '/api/sos/{id}/resolve' };

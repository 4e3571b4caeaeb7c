// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { ackSos as contract } from '../sos';

export const ackSos: TEndpoint<typeof contract> = { method: 'POST', path: '/api/sos/{id}/ack' };

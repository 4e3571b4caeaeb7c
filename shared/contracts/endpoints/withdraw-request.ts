// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { withdrawRequest as contract } from '../requests';

export const withdrawRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests/{id}/withdraw' };

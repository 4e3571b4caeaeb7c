// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { confirmRequest as contract } from '../requests';

export const confirmRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests/{id}/confirm' };

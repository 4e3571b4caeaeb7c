// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { setRequestLevel as contract } from '../requests';

export const setRequestLevel: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests/{id}/level' };

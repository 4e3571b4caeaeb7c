// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { createRequest as contract } from '../requests';

export const createRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests' };

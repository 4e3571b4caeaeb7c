// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getRequest as contract } from '../requests';

export const getRequest: TEndpoint<typeof contract> = { method: 'GET', path: '/api/requests/{id}' };

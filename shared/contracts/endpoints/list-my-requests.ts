// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listMyRequests as contract } from '../requests';

export const listMyRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/requests/mine' };

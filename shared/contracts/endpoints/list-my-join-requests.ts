// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listMyJoinRequests as contract } from '../join';

export const listMyJoinRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/join-requests/mine' };

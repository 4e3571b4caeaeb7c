// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { rejectJoinRequest as contract } from '../join';

export const rejectJoinRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/join-requests/{id}/reject' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { withdrawJoinRequest as contract } from '../join';

export const withdrawJoinRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/join-requests/{id}/withdraw' };

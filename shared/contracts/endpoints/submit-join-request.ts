// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { submitJoinRequest as contract } from '../join';

export const submitJoinRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/join-requests' };

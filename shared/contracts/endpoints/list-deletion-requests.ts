// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listDeletionRequests as contract } from '../privacy';

export const listDeletionRequests: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/deletion-requests' };

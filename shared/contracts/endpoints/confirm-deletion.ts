// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { confirmDeletion as contract } from '../privacy';

export const confirmDeletion: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/deletion-requests/{deletionId}/confirm' };

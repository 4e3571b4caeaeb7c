// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { requestDeletion as contract } from '../privacy';

export const requestDeletion: TEndpoint<typeof contract> = { method: 'POST', path: '/api/me/deletion-request' };

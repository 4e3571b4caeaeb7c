// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { postRequestMessage as contract } from '../requests';

export const postRequestMessage: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests/{id}/messages' };

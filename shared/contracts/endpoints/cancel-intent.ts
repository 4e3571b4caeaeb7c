// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cancelIntent as contract } from '../market';

export const cancelIntent: TEndpoint<typeof contract> = { method: 'POST', path: '/api/intents/{id}/cancel' };

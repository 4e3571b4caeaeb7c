// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { decideIntent as contract } from '../market';

export const decideIntent: TEndpoint<typeof contract> = { method: 'POST', path: '/api/intents/{id}/decide' };

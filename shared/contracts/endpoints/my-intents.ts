// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { myIntents as contract } from '../market';

export const myIntents: TEndpoint<typeof contract> = { method: 'GET', path: '/api/intents/mine' };

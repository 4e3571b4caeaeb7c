// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { health as contract } from '../health';

export const health: TEndpoint<typeof contract> = { method: 'GET', path: '/api/health' };

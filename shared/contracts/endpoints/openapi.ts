// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { openapi as contract } from '../health';

export const openapi: TEndpoint<typeof contract> = { method: 'GET', path: '/api/openapi.json' };

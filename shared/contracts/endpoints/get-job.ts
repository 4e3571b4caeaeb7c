// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getJob as contract } from '../jobs';

export const getJob: TEndpoint<typeof contract> = { method: 'GET', path: '/api/jobs/{id}' };

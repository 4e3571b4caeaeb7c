// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { createJob as contract } from '../jobs';

export const createJob: TEndpoint<typeof contract> = { method: 'POST', path: '/api/jobs' };

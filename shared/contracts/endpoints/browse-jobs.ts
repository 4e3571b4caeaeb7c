// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { browseJobs as contract } from '../jobs';

export const browseJobs: TEndpoint<typeof contract> = { method: 'GET', path: '/api/jobs' };

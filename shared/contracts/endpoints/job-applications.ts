// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { jobApplications as contract } from '../jobs';

export const jobApplications: TEndpoint<typeof contract> = { method: 'GET', path: '/api/jobs/{id}/applications' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { submitJob as contract } from '../jobs';

export const submitJob: TEndpoint<typeof contract> = { method: 'POST', path: '/api/jobs/{id}/submit' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { applyJob as contract } from '../jobs';

export const applyJob: TEndpoint<typeof contract> = { method: 'POST', path: '/api/jobs/{id}/applications' };

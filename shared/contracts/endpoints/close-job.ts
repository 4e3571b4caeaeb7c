// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { closeJob as contract } from '../jobs';

export const closeJob: TEndpoint<typeof contract> = { method: 'POST', path: '/api/jobs/{id}/close' };

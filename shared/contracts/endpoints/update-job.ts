// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateJob as contract } from '../jobs';

export const updateJob: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/jobs/{id}' };

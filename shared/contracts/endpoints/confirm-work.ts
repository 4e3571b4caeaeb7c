// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { confirmWork as contract } from '../jobs';

export const confirmWork: TEndpoint<typeof contract> = { method: 'POST', path: '/api/applications/{id}/work' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { withdrawApplication as contract } from '../jobs';

export const withdrawApplication: TEndpoint<typeof contract> = { method: 'POST', path: '/api/applications/{id}/withdraw' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { decideApplication as contract } from '../jobs';

export const decideApplication: TEndpoint<typeof contract> = { method: 'POST', path: '/api/applications/{id}/decide' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { resolveRequest as contract } from '../requests';

export const resolveRequest: TEndpoint<typeof contract> = { method: 'POST', path: '/api/requests/{id}/resolve' };

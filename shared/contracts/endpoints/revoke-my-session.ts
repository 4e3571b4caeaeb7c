// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { revokeMySession as contract } from '../admin-login';

export const revokeMySession: TEndpoint<typeof contract> = { method: 'POST', path: '/api/me/sessions/{sessionId}/revoke' };

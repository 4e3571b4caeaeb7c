// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listTownshipAuditLog as contract } from '../audit';

export const listTownshipAuditLog: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/audit-log' };

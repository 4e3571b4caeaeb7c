// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageAuditLog as contract } from '../audit';

export const listVillageAuditLog: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/audit-log' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportTownshipRegistry as contract } from '../registry';

export const exportTownshipRegistry: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/registry/export' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listTownshipRegistry as contract } from '../registry';

export const listTownshipRegistry: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/registry/people' };

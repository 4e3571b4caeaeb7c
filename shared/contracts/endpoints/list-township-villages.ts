// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listTownshipVillages as contract } from '../me';

export const listTownshipVillages: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/villages' };

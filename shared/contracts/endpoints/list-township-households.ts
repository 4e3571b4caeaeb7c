// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listTownshipHouseholds as contract } from '../registry';

export const listTownshipHouseholds: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/registry/households' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { villageOpenBins as contract } from '../bins';

export const villageOpenBins: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/open-bins' };

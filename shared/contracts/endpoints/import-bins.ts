// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { importBins as contract } from '../bins';

export const importBins: TEndpoint<typeof contract> = { method: 'POST', path: '/api/villages/{villageId}/bins/import' };

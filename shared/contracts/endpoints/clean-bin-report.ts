// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cleanBinReport as contract } from '../bins';

export const cleanBinReport: TEndpoint<typeof contract> = { method: 'POST', path: '/api/bin-reports/{id}/clean' };

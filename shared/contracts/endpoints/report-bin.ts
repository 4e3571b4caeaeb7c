// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { reportBin as contract } from '../bins';

export const reportBin: TEndpoint<typeof contract> = { method: 'POST', path: '/api/bins/{code}/report' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getBin as contract } from '../bins';

export const getBin: TEndpoint<typeof contract> = { method: 'GET', path: '/api/bins/{code}' };

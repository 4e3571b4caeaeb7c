// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateBin as contract } from '../bins';

export const updateBin: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/bins/{code}' };

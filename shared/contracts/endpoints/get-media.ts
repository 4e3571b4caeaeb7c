// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getMedia as contract } from '../media';

export const getMedia: TEndpoint<typeof contract> = { method: 'GET', path: '/api/media/{id}' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { uploadMedia as contract } from '../media';

export const uploadMedia: TEndpoint<typeof contract> = { method: 'POST', path: '/api/media' };

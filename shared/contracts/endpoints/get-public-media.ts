// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getPublicMedia as contract } from '../wechat-push';

export const getPublicMedia: TEndpoint<typeof contract> = { method: 'GET', path: '/api/media/{id}/public' };

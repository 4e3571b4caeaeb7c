// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { verifyOaPush as contract } from '../wechat-push';

export const verifyOaPush: TEndpoint<typeof contract> = { method: 'GET', path: '/api/wechat/oa-push' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { receiveOaPush as contract } from '../wechat-push';

export const receiveOaPush: TEndpoint<typeof contract> = { method: 'POST', path: '/api/wechat/oa-push' };

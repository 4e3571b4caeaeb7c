// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { receiveWechatPush as contract } from '../wechat-push';

export const receiveWechatPush: TEndpoint<typeof contract> = { method: 'POST', path: '/api/wechat/push' };

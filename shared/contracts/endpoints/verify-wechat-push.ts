// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { verifyWechatPush as contract } from '../wechat-push';

export const verifyWechatPush: TEndpoint<typeof contract> = { method: 'GET', path: '/api/wechat/push' };

// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { wechatLogin as contract } from '../auth';

export const wechatLogin: TEndpoint<typeof contract> = { method: 'POST', path: '/api/auth/wechat-login' };

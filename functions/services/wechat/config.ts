import type { TEnv } from '../../runtime/env';
import type { TWechatConfig } from './code2session';

export function wechatConfig(env: TEnv): TWechatConfig {
  return { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET, apiBase: env.WECHAT_API_BASE, timeoutMs: env.WECHAT_TIMEOUT_MS };
}

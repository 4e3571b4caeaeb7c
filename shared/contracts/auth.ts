import * as z from 'zod';
import { defineContract } from './define';
import { ZRole } from './common';
import { ZConsentVersion } from './privacy';

export const ZSession = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
});
export type TSession = z.infer<typeof ZSession>;

export const wechatLogin = defineContract({
  method: 'POST',
  path: '/api/auth/wechat-login',
  summary: '微信登录：code 换取会话',
  tag: 'auth',
  // consentVersion: the 用户协议/隐私政策 version the person ticked; missing or old → CONSENT_REQUIRED
  body: z.object({ code: z.string().trim().min(1).max(128), consentVersion: ZConsentVersion.optional() }),
  response: ZSession,
});

export const ZDevPerson = z.object({
  id: z.string(),
  name: z.string(),
  role: ZRole.nullable(),
  roleLabel: z.string(),
  scopeName: z.string(),
});
export type TDevPerson = z.infer<typeof ZDevPerson>;

export const devPeople = defineContract({
  method: 'GET',
  path: '/api/auth/dev-people',
  summary: '演示登录：可选的演示人员（仅开发环境）',
  tag: 'auth',
  response: z.object({ people: z.array(ZDevPerson) }),
});

export const devLogin = defineContract({
  method: 'POST',
  path: '/api/auth/dev-login',
  summary: '演示登录（仅开发环境）',
  tag: 'auth',
  // the demo sign-in records consent when sent; without it the app asks before going on
  body: z.union([
    z.object({ personId: z.uuid(), consentVersion: ZConsentVersion.optional() }).strict(),
    z.object({ newPerson: z.literal(true), consentVersion: ZConsentVersion.optional() }).strict(),
  ]),
  response: ZSession,
});

export const logout = defineContract({
  method: 'POST',
  path: '/api/auth/logout',
  summary: '退出登录',
  tag: 'auth',
  response: z.object({ ok: z.literal(true) }),
});

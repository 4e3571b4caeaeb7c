import * as z from 'zod';
import { ADMIN_LOGIN_ID_LENGTH, ADMIN_LOGIN_STATES } from '../domain/admin-login';
import { SESSION_METHODS } from '../domain/session-methods';
import { SCENE_ALPHABET } from '../domain/scene-code';
import { defineContract, ZId, ZIsoTime } from './define';
import { ZSession } from './auth';

/** A ticket id: the scene code its QR carries (a malformed one is 404, like any missing object). */
const ZTicketId = z.string().regex(new RegExp(`^[${SCENE_ALPHABET}]{${ADMIN_LOGIN_ID_LENGTH}}$`));
const ticketParams = z.object({ ticketId: ZTicketId });
export const ZAdminLoginState = z.enum(ADMIN_LOGIN_STATES);

export const createAdminLoginTicket = defineContract({
  method: 'POST',
  path: '/api/admin-login/tickets',
  summary: '扫码登录：管理后台取一张一次性登录二维码（约 2 分钟有效）',
  tag: 'auth',
  status: 201,
  response: z.object({
    ticketId: z.string(),
    /** only this browser knows it: polling needs it, and only its hash is stored */
    pollSecret: z.string(),
    expiresAt: ZIsoTime,
    /** getwxacodeunlimit's scene `a=<ticketId>` and the page it opens */
    scene: z.string(),
    page: z.string(),
    /** the mini-program code as a data: URL when WeChat made one, else null */
    qr: z.object({ wxacode: z.string().nullable() }),
    /** what a plain QR carries (shown when there is no mini-program code): the confirm page's URL with the scene */
    plain: z.string(),
  }),
});

export const pollAdminLoginTicket = defineContract({
  method: 'GET',
  path: '/api/admin-login/tickets/{ticketId}',
  summary: '扫码登录：管理后台查询二维码状态；确认后只返回一次会话',
  tag: 'auth',
  params: ticketParams,
  query: z.object({ secret: z.string().min(16).max(128) }),
  response: z.object({
    state: ZAdminLoginState,
    expiresAt: ZIsoTime,
    /** the session, on the one poll that collects a confirmed ticket (it is consumed then) */
    session: ZSession.nullable(),
  }),
});

export const ZAdminLoginScan = z.object({
  ticketId: z.string(),
  state: ZAdminLoginState,
  /** the browser asking to sign in, e.g. 「Chrome · Linux」 */
  device: z.string(),
  createdAt: ZIsoTime,
  expiresAt: ZIsoTime,
});
export type TAdminLoginScan = z.infer<typeof ZAdminLoginScan>;

export const scanAdminLoginTicket = defineContract({
  method: 'POST',
  path: '/api/admin-login/tickets/{ticketId}/scan',
  summary: '扫码登录：手机扫码，查看要登录的设备（院长、村干部、镇街管理员）',
  tag: 'auth',
  params: ticketParams,
  response: ZAdminLoginScan,
});

export const confirmAdminLoginTicket = defineContract({
  method: 'POST',
  path: '/api/admin-login/tickets/{ticketId}/confirm',
  summary: '扫码登录：手机上确认登录',
  tag: 'auth',
  params: ticketParams,
  response: ZAdminLoginScan,
});

export const cancelAdminLoginTicket = defineContract({
  method: 'POST',
  path: '/api/admin-login/tickets/{ticketId}/cancel',
  summary: '扫码登录：手机上取消登录',
  tag: 'auth',
  params: ticketParams,
  response: ZAdminLoginScan,
});

export const ZMySession = z.object({
  id: z.string(),
  method: z.enum(SESSION_METHODS),
  /** 登录设备, e.g. 「Chrome · Linux」 or, for older sessions, what the method says */
  device: z.string(),
  createdAt: ZIsoTime,
  lastSeenAt: ZIsoTime,
  /** the session this request came with (本机) */
  current: z.boolean(),
});
export type TMySession = z.infer<typeof ZMySession>;

export const listMySessions = defineContract({
  method: 'GET',
  path: '/api/me/sessions',
  summary: '登录设备：我仍有效的登录',
  tag: 'auth',
  response: z.object({ items: z.array(ZMySession) }),
});

export const revokeMySession = defineContract({
  method: 'POST',
  path: '/api/me/sessions/{sessionId}/revoke',
  summary: '登录设备：让一台设备退出登录（只能是自己的）',
  tag: 'auth',
  params: z.object({ sessionId: ZId }),
  response: z.object({ ok: z.literal(true) }),
});

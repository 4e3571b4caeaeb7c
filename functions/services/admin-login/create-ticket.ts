import { randomBytes } from 'node:crypto';
import { insertAdminLoginTicket } from '../../../db/queries/admin-login';
import { ADMIN_LOGIN_ID_LENGTH, ADMIN_LOGIN_PAGE, ADMIN_LOGIN_TTL_MS, adminLoginScene, adminLoginUrl, deviceLabel } from '../../../shared/domain/admin-login';
import { makeSceneCode } from '../../../shared/domain/scene-code';
import { hashSessionToken } from '../auth/session-token';
import type { TServiceContext } from '../context';
import { wechatConfig } from '../wechat/config';
import { fetchWxaCode } from '../wechat/wxacode';

const ENV_VERSION = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

/**
 * 扫码登录, the browser's side: a ticket (2 minutes) whose id is the QR's scene, a poll secret
 * only this browser learns, and the mini-program code when WeChat makes one. WeChat is asked
 * after the ticket is stored and outside any transaction; when it fails the page shows a plain
 * QR of `plain` instead, so a WeChat outage never stops a sign-in.
 */
export async function createAdminLoginTicket(ctx: TServiceContext) {
  const now = ctx.now();
  const id = makeSceneCode(ADMIN_LOGIN_ID_LENGTH, (n) => randomBytes(n));
  const pollSecret = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ADMIN_LOGIN_TTL_MS);
  await insertAdminLoginTicket(ctx.db, { id, secretHash: hashSessionToken(pollSecret), device: deviceLabel(ctx.userAgent), createdAt: now, expiresAt });
  const scene = adminLoginScene(id);
  let wxacode: string | null = null;
  try {
    const image = await fetchWxaCode(ctx.db, wechatConfig(ctx.env), ctx.now, {
      scene,
      page: ADMIN_LOGIN_PAGE,
      envVersion: ENV_VERSION[ctx.env.WECHAT_MINIPROGRAM_STATE],
    });
    wxacode = `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
  } catch {
    // WeChat down, or no code for this app (develop builds): the plain QR stands in
  }
  return {
    ticketId: id,
    pollSecret,
    expiresAt: expiresAt.toISOString(),
    scene,
    page: ADMIN_LOGIN_PAGE,
    qr: { wxacode },
    plain: adminLoginUrl(ctx.env.PUBLIC_BASE_URL, id),
  };
}

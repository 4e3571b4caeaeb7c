import { SCENE_ALPHABET } from './scene-code';

/**
 * 扫码登录管理后台: a browser shows a one-time ticket as a QR; a staff member scans it in the
 * mini-program and confirms on the phone; the browser, polling with its secret, collects a
 * session bound to that person and that browser.
 */

/** pending → scanned → confirmed → consumed, or cancelled / expired on the way. */
export const ADMIN_LOGIN_STATES = ['pending', 'scanned', 'confirmed', 'consumed', 'cancelled', 'expired'] as const;
export type TAdminLoginState = (typeof ADMIN_LOGIN_STATES)[number];

/** A ticket waits this long for a scan and a confirmation (二维码有效期). */
export const ADMIN_LOGIN_TTL_MS = 2 * 60_000;
/** A confirmed ticket is collected by the polling browser within this time, or it lapses. */
export const ADMIN_LOGIN_COLLECT_MS = 60_000;
/** How often the back office asks. */
export const ADMIN_LOGIN_POLL_MS = 1500;

/** Ticket ids are scene-safe codes: 20 symbols of 31 (≈ 99 bits), so the scene `a=<id>` fits WeChat's 32. */
export const ADMIN_LOGIN_ID_LENGTH = 20;
export const ADMIN_LOGIN_SCENE_PREFIX = 'a=';
/** The confirm page the code opens (a subpackage: the main package stays small). */
export const ADMIN_LOGIN_PAGE = 'pkg-account/admin-login/index';

/** WeChat scene for a ticket: `a=<id>`, 22 characters. */
export function adminLoginScene(ticketId: string): string {
  return `${ADMIN_LOGIN_SCENE_PREFIX}${ticketId}`;
}

/**
 * What a plain QR carries when WeChat cannot make the mini-program code: the H5 confirm page
 * with the scene, which the app's scanner reads (`adminLoginTicketFrom`) and a phone's camera opens.
 */
export function adminLoginUrl(baseUrl: string, ticketId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/${ADMIN_LOGIN_PAGE}?scene=${encodeURIComponent(adminLoginScene(ticketId))}`;
}

export function isAdminLoginId(s: string): boolean {
  return s.length === ADMIN_LOGIN_ID_LENGTH && [...s].every((c) => SCENE_ALPHABET.includes(c));
}

/**
 * The ticket id in what a scan read (a mini-program code's path with `scene=a%3D…`, the plain
 * QR's URL, the bare scene `a=…`), or null when it is not an admin-login code. Decodes up to
 * three times: the scene arrives encoded, and once more after a trip through ?redirect=.
 */
export function adminLoginTicketFrom(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  const m = /[?&]scene=([^&]+)/.exec(s);
  if (m) s = m[1];
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(s); i++) {
    try {
      s = decodeURIComponent(s);
    } catch {
      break;
    }
  }
  if (!s.startsWith(ADMIN_LOGIN_SCENE_PREFIX)) return null;
  const id = s.slice(ADMIN_LOGIN_SCENE_PREFIX.length);
  return isAdminLoginId(id) ? id : null;
}

/**
 * 二维码状态 at `now`: a waiting ticket past its expiry, or a confirmed one the browser did not
 * collect in time, reads as expired whatever the stored state says.
 */
export function adminLoginState(t: { state: TAdminLoginState; expiresAt: Date; confirmedAt: Date | null }, now: Date): TAdminLoginState {
  if ((t.state === 'pending' || t.state === 'scanned') && now.getTime() >= t.expiresAt.getTime()) return 'expired';
  if (t.state === 'confirmed' && t.confirmedAt && now.getTime() >= t.confirmedAt.getTime() + ADMIN_LOGIN_COLLECT_MS) return 'expired';
  return t.state;
}

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/i, '微信'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/QQBrowser/i, 'QQ浏览器'],
  [/UCBrowser/i, 'UC浏览器'],
  [/360SE|360EE|QihooBrowser/i, '360浏览器'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Version\/[\d.]+.*Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Android/, 'Android'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Linux/, 'Linux'],
];

/** 登录设备: a short label of a browser from its User-Agent, like 「Chrome · Linux」; 「未知设备」 when nothing is known. */
export function deviceLabel(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!browser && !system) return '未知设备';
  return [browser ?? '浏览器', system].filter(Boolean).join(' · ');
}

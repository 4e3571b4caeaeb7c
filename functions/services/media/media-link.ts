import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TEnv } from '../../runtime/env';

const TTL_MS = 24 * 3_600_000;

function sign(secret: string, id: string, exp: number): string {
  return createHmac('sha256', secret).update(`media:${id}.${exp}`).digest('base64url').slice(0, 32);
}

/** A link to one photo that works without a session for a day (WeChat downloads it to check it). */
export function publicMediaUrl(env: TEnv, id: string, now: Date): string {
  const exp = now.getTime() + TTL_MS;
  return `${env.PUBLIC_BASE_URL}/api/media/${id}/public?exp=${exp}&sig=${sign(env.CRON_SECRET, id, exp)}`;
}

export function mediaLinkValid(env: TEnv, id: string, exp: number, sig: string, now: Date): boolean {
  if (!Number.isFinite(exp) || exp < now.getTime()) return false;
  const want = Buffer.from(sign(env.CRON_SECRET, id, exp));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

import { chinaDayStart } from './points';

/**
 * 限流 — abuse limits as fixed windows: a minute (sign-ins per address, writes per person) or
 * a China day (photo quotas). Counts live in Postgres so every function instance sees them.
 */
export type TLimitWindow = 'minute' | 'day';

/** A limit: at most `count` events (and, for photos, `bytes`) per window. */
export type TLimit = { window: TLimitWindow; count: number; bytes?: number };

/** The instant the window holding `now` began (a China day starts at 00:00 Beijing time). */
export function windowStart(window: TLimitWindow, now: Date): Date {
  if (window === 'day') return chinaDayStart(now);
  return new Date(now.getTime() - (now.getTime() % 60_000));
}

/** Whole seconds until the window holding `now` ends: the Retry-After of a refusal. */
export function secondsUntilNextWindow(window: TLimitWindow, now: Date): number {
  const length = window === 'day' ? 86_400_000 : 60_000;
  const end = windowStart(window, now).getTime() + length;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** 「请N秒后再试」 / 「请明天再试」: when the person may try again, in words. */
export function tryAgainWhen(window: TLimitWindow, now: Date): string {
  if (window === 'day') return '请明天（北京时间0点后）再试';
  const s = secondsUntilNextWindow(window, now);
  return `请${s}秒后再试`;
}

/**
 * The address a client is counted by: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its
 * /64 network — one household's devices share a /64 and can rotate within it at will.
 */
export function clientBucket(address: string | undefined): string {
  const a = (address ?? '').trim().toLowerCase();
  if (!a) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (v4) return v4[1];
  if (!a.includes(':')) return a.slice(0, 64);
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

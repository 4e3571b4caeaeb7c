/**
 * 重试退避: exponential backoff with a cap and jitter. Attempt 1 waits ~base, attempt n
 * ~base·2^(n-1), never more than `capMs`; jitter spreads retries of a burst over time.
 */
export function backoffMs(attempt: number, opts: { baseMs?: number; capMs?: number; random?: () => number } = {}): number {
  const base = opts.baseMs ?? 10_000;
  const cap = opts.capMs ?? 3_600_000;
  const exp = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const r = opts.random ? opts.random() : 0.5;
  return Math.round(exp * (0.5 + r * 0.5));
}

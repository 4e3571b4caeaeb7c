import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, releaseIdempotencyKey } from '../../db/queries/idempotency';
import type { TServiceContext } from '../services/context';
import { toAppError } from './to-app-error';

/** Records are kept (and replayed) for at least this long; older keys may be reused. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

const ZKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/);

type TOutcome = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Idempotency-Key: the first request claims the key; a retry with the same body replays the
 * stored answer, a different body is refused (422), a duplicate still running gets 409.
 * Failures that a retry could fix (5xx) release the key instead of being stored.
 */
export async function runIdempotent(
  ctx: TServiceContext,
  req: { key: string; method: string; path: string; body: unknown },
  invoke: () => Promise<TOutcome>,
): Promise<TOutcome> {
  if (!ZKey.safeParse(req.key).success) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'headers.idempotency-key', message: 'Idempotency-Key 须为1–200个可见字符' }] });
  }
  const actor = ctx.actor?.personId ?? 'anonymous';
  const requestHash = createHash('sha256').update(`${req.method} ${req.path}\n${canonicalJson(req.body)}`).digest('hex');
  const now = ctx.now();
  const row = { actor, key: req.key, method: req.method, path: req.path, requestHash, createdAt: now };

  if (!(await claimIdempotencyKey(ctx.db, row, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))) {
    const prior = await findIdempotencyKey(ctx.db, actor, req.key);
    if (!prior) throw new AppError('IDEMPOTENCY_IN_PROGRESS'); // released between our two reads: let the client retry
    if (prior.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (prior.state !== 'done' || prior.responseStatus === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    return { status: prior.responseStatus, body: prior.responseBody, headers: { 'idempotent-replayed': 'true' } };
  }

  let outcome: TOutcome;
  try {
    outcome = await invoke();
  } catch (e) {
    const err = toAppError(e);
    if (err.status >= 500) {
      await releaseIdempotencyKey(ctx.db, actor, req.key);
      throw e;
    }
    // a refusal is an answer too: the retry gets the same one
    const body = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
    await completeIdempotencyKey(ctx.db, actor, req.key, err.status, body, ctx.now());
    throw e;
  }
  await completeIdempotencyKey(ctx.db, actor, req.key, outcome.status, outcome.body, ctx.now());
  return outcome;
}

/** JSON with sorted keys, so {a,b} and {b,a} hash alike. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

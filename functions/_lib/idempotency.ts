import { createHash } from 'node:crypto';
import * as z from 'zod';
import { AppError } from '../../shared/errors';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, setClaimWait } from '../../db/queries/idempotency';
import type { TServiceContext } from '../services/context';
import { sqlState, toAppError } from './to-app-error';

/** Records are kept (and replayed) for at least this long; older keys may be reused. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

const ZKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/);

export type TOutcome = { status: number; body: unknown; headers?: Record<string, string> };

type TKeyed = { key: string; method: string; path: string; body: unknown };

/**
 * One write, one transaction (decision 004): the Idempotency-Key's claim, the use case (its
 * own `transaction` becomes a savepoint) and the stored answer commit together or not at all.
 * A crash before the commit leaves no trace, so the retry runs the write once; after it, the
 * retry replays the answer. A retry arriving while the first attempt still runs waits for it
 * (IDEMPOTENCY_WAIT_MS), then gets 409; the server ends a stalled attempt's session after the
 * lease (IDEMPOTENCY_LEASE_MS), which releases its key.
 *
 * Refusals (4xx) are answers and are stored, with whatever the use case wrote before refusing;
 * "try later" answers (429, 409 in progress) and failures (5xx) roll everything back.
 */
export async function runWrite(ctx: TServiceContext, keyed: TKeyed | null, invoke: () => Promise<TOutcome>): Promise<TOutcome> {
  const claim = keyed ? claimOf(ctx, keyed) : null;
  const outer = ctx.db;
  let refused: unknown;
  const outcome = await outer.transaction(async (tx) => {
    ctx.db = tx;
    try {
      if (claim) {
        const replay = await claimOrReplay(ctx, claim);
        if (replay) return replay;
      }
      let out: TOutcome;
      try {
        out = await invoke();
      } catch (e) {
        const err = toAppError(e);
        if (!isStoredRefusal(err)) throw e;
        if (claim) await completeIdempotencyKey(tx, claim.actor, claim.key, err.status, refusalBody(err), ctx.now());
        refused = e;
        return null;
      }
      if (claim) await completeIdempotencyKey(tx, claim.actor, claim.key, out.status, out.body, ctx.now());
      return out;
    } finally {
      ctx.db = outer;
    }
  });
  if (refused !== undefined) throw refused;
  return outcome!;
}

function isStoredRefusal(err: AppError): boolean {
  return err.status < 500 && err.status !== 429 && err.code !== 'IDEMPOTENCY_IN_PROGRESS';
}

function refusalBody(err: AppError) {
  return { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
}

type TClaim = ReturnType<typeof claimOf>;

function claimOf(ctx: TServiceContext, req: TKeyed) {
  if (!ZKey.safeParse(req.key).success) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'headers.idempotency-key', message: 'Idempotency-Key 须为1–200个可见字符' }] });
  }
  const actor = ctx.actor?.personId ?? 'anonymous';
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.path}\n${canonicalJson(req.body)}`)
    .digest('hex');
  return { actor, key: req.key, method: req.method, path: req.path, requestHash };
}

/** Claims the key inside the request's transaction, or returns the stored answer to replay. */
async function claimOrReplay(ctx: TServiceContext, claim: TClaim): Promise<TOutcome | null> {
  const now = ctx.now();
  let claimed: boolean;
  try {
    // a live duplicate holds the key's row lock until it commits: wait a little, not forever
    await setClaimWait(ctx.db, ctx.env.IDEMPOTENCY_WAIT_MS);
    claimed = await claimIdempotencyKey(ctx.db, { ...claim, createdAt: now }, new Date(now.getTime() - IDEMPOTENCY_TTL_MS));
    await setClaimWait(ctx.db, null);
  } catch (e) {
    if (sqlState(e) === '55P03') throw new AppError('IDEMPOTENCY_IN_PROGRESS', { cause: e, retryAfterS: 2 });
    throw e;
  }
  if (claimed) return null;
  const prior = await findIdempotencyKey(ctx.db, claim.actor, claim.key);
  if (!prior) throw new AppError('IDEMPOTENCY_IN_PROGRESS', { retryAfterS: 1 }); // taken over between our two reads
  if (prior.requestHash !== claim.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  if (prior.responseStatus === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS', { retryAfterS: 1 });
  return { status: prior.responseStatus, body: prior.responseBody, headers: { 'idempotent-replayed': 'true' } };
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

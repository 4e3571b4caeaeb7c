import { AppError } from '../../shared/errors';

/**
 * Failures a retry can cure: the database restarted, failed over, ended an idle or stalled
 * session, refused or ran out of connections, cancelled a statement, or picked this
 * transaction as a deadlock/serialization victim; and the network errors under them.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53200',
  '57014',
  '40001',
  '40P01',
  '25P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** node-postgres reports a lost connection with these messages and no code. */
const TRANSIENT_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection ended unexpectedly)/;

/**
 * PgBouncer (decision 003) reports its own failures as 08P01 — which from Postgres itself means
 * a protocol bug, so only these messages count: the server connection under a transaction died
 * (a restart, failover, pg_terminate_backend), or no server connection could be had in time.
 */
const PGBOUNCER_TRANSIENT =
  /^(server conn crashed|server closed the connection|pgbouncer cannot connect to server|query_wait_timeout|server login has been failing|no more connections allowed|database removed|client_login_timeout)/;

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_UNAVAILABLE_S = 3;

/**
 * Maps anything thrown to the one error table; unknown errors become INTERNAL. Drizzle wraps
 * driver errors (the code sits on `.cause`), so the whole cause chain is read.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isTransient(e)) return new AppError('SERVICE_UNAVAILABLE', { cause: e, retryAfterS: RETRY_AFTER_UNAVAILABLE_S });
  return new AppError('INTERNAL', { cause: e });
}

/** Whether an error (or anything in its cause chain) is one a retry can cure. */
export function isTransient(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; cur = (cur as { cause?: unknown }).cause, depth++) {
    const { code, message } = cur as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
    if (code === '08P01' && typeof message === 'string' && PGBOUNCER_TRANSIENT.test(message)) return true;
  }
  return false;
}

/** The Postgres SQLSTATE anywhere in an error's cause chain. */
export function sqlState(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 8; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

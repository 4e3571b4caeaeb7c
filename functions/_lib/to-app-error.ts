import { AppError } from '../../shared/errors';

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300']);

/** Maps anything thrown to the one error table; unknown errors become INTERNAL. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.has(code)) return new AppError('SERVICE_UNAVAILABLE', { cause: e });
  return new AppError('INTERNAL', { cause: e });
}

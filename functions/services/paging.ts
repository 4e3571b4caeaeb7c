import { AppError } from '../../shared/errors';

/** Keyset cursor over (createdAt, id), opaque to clients. */
export function encodeCursor(last: { createdAt: Date; id: string }): string {
  return Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'query.cursor', message: '无效的分页参数' }] });
  return { createdAt, id };
}

/** Reads one extra row to know whether another page exists. */
export function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * Keyset cursor over (a timestamp as Postgres writes it, id): exact to the microsecond. A JS
 * Date keeps milliseconds only, so rows created within the same millisecond as a page's last
 * one (a bulk insert, an import) would be read twice with `encodeCursor`.
 */
export function encodeExactCursor(last: { at: string; id: string }): string {
  return Buffer.from(`${last.at}|${last.id}`).toString('base64url');
}

export function decodeExactCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(at))
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'query.cursor', message: '无效的分页参数' }] });
  return { at, id };
}

import { migrationJournal, pingDb, type Db } from '../../../db/client';
import { latestMigrationMillis } from '../../../db/queries/system';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';

/**
 * Databases seen at the newest migration this build knows: migrations only move forward while
 * the process runs, so after that one answer a check needs only `select 1`.
 */
const current = new WeakSet<Db>();

/** 健康检查: the database answers and the newest applied migration, by its tag. */
export async function getHealth(ctx: TServiceContext) {
  const journal = migrationJournal();
  const newest = journal.entries.at(-1);
  let tag: string;
  try {
    if (newest && current.has(ctx.db)) {
      await pingDb(ctx.db);
      tag = newest.tag;
    } else {
      const millis = await latestMigrationMillis(ctx.db);
      tag = journal.entries.find((e) => e.when === millis)?.tag ?? (millis === null ? 'none' : `unknown:${millis}`);
      if (newest && tag === newest.tag) current.add(ctx.db);
    }
  } catch (e) {
    throw new AppError('SERVICE_UNAVAILABLE', { cause: e });
  }
  return { status: 'ok' as const, database: ctx.dbKind, migration: tag, time: ctx.now().toISOString() };
}

import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../../db/client';
import { latestMigrationMillis } from '../../../db/queries/system';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';

type TJournal = { entries: { tag: string; when: number }[] };
let journal: TJournal | undefined;

/** 健康检查: the database answers and the newest applied migration, by its tag. */
export async function getHealth(ctx: TServiceContext) {
  let millis: number | null;
  try {
    millis = await latestMigrationMillis(ctx.db);
  } catch (e) {
    throw new AppError('SERVICE_UNAVAILABLE', { cause: e });
  }
  journal ??= JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as TJournal;
  const tag = journal.entries.find((e) => e.when === millis)?.tag ?? (millis === null ? 'none' : `unknown:${millis}`);
  return { status: 'ok' as const, database: ctx.dbKind, migration: tag, time: ctx.now().toISOString() };
}

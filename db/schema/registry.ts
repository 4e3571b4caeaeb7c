import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people, townships, villages } from './org';
import { oneOf } from './one-of';

export const REGISTRY_IMPORT_STATES = ['staging', 'committed'] as const;

/**
 * 信息采集表导入: a file uploaded in chunks (the host takes 1 MB a request), checked, previewed
 * and committed all at once. Its rows wait in `registry_import_rows` until the commit.
 */
export const registryImports = pgTable(
  'registry_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    fileName: text('file_name').notNull(),
    state: text('state', { enum: REGISTRY_IMPORT_STATES }).notNull().default('staging'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('registry_imports_village_idx').on(t.villageId, t.createdAt), check('registry_imports_state_ck', oneOf(t.state, REGISTRY_IMPORT_STATES))],
);

/** One spreadsheet row as sent: its line as the sheet shows it and its cells in REGISTRY_COLUMNS order. */
export const registryImportRows = pgTable(
  'registry_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => registryImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people, townships, villages } from './org';

/**
 * 操作日志: who changed what, when, before and after — written in the same transaction as the
 * change (registry edits and imports, settings). The place columns scope who may read it: a
 * cadre the village's rows, township staff the township's.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** null: the system (a scheduled job) */
    actorId: uuid('actor_id').references(() => people.id),
    /** what was done, e.g. `person.update`, `registry.import` */
    action: text('action').notNull(),
    /** what it was done to: `person`, `household`, `import`… and its id */
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    villageId: uuid('village_id').references(() => villages.id),
    /** the changed fields only, as they were and as they became (null for a creation / removal) */
    before: jsonb('before'),
    after: jsonb('after'),
    /** one line for the list, in Chinese */
    summary: text('summary').notNull(),
  },
  (t) => [
    index('audit_log_township_at_idx').on(t.townshipId, t.at),
    index('audit_log_village_at_idx').on(t.villageId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);

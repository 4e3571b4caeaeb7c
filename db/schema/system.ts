import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Idempotency-Key records: the first answer to a write, replayed to its retries for ≥24 h. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** person id of the caller, or 'anonymous' */
    actor: text('actor').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state').notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.actor, t.key] }),
    check('idempotency_keys_state_ck', sql`${t.state} in ('in_progress', 'done')`),
  ],
);

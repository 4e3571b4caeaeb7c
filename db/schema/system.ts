import { sql } from 'drizzle-orm';
import { bigint, check, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';

/** An Idempotency-Key is claimed (in_progress) inside the write's transaction and done with it. */
export const IDEMPOTENCY_STATES = ['in_progress', 'done'] as const;

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
    state: text('state', { enum: IDEMPOTENCY_STATES }).notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.actor, t.key] }), check('idempotency_keys_state_ck', oneOf(t.state, IDEMPOTENCY_STATES))],
);

/**
 * Abuse limits shared by every function instance: one counter per bucket (e.g.
 * `signin:ip:1.2.3.4`, `write:person:<id>`, `photo:person:<id>`) and fixed window. Rows of
 * past windows are only history; housekeeping drops them.
 */
export const rateCounters = pgTable(
  'rate_counters',
  {
    bucket: text('bucket').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
    /** bytes counted in the window (photo quotas); 0 for plain counters */
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), check('rate_counters_nonneg_ck', sql`${t.count} >= 0 and ${t.bytes} >= 0`)],
);

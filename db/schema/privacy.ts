import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DELETION_STATES } from '../../shared/domain/privacy';
import { oneOf } from './one-of';
import { people, villages } from './org';

/** 同意记录: who agreed to which version of 用户协议 and 隐私政策, and when. Append-only. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    version: text('version').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('consents_person_version_uq').on(t.personId, t.version), index('consents_person_idx').on(t.personId, t.agreedAt)],
);

/**
 * 注销申请: a person asks, a cadre of their village confirms, and the person is anonymised.
 * A person without a village has no cadre: theirs is confirmed at once (decision 017).
 */
export const deletionRequests = pgTable(
  'deletion_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id').references(() => villages.id),
    state: text('state', { enum: DELETION_STATES }).notNull().default('pending'),
    /** what the cadre reads: the name when asked (the person is anonymised after) */
    nameAtRequest: text('name_at_request').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('deletion_requests_state_ck', oneOf(t.state, DELETION_STATES)),
    // one open request per person
    uniqueIndex('deletion_requests_pending_uq')
      .on(t.personId)
      .where(sql`${t.state} = 'pending'`),
    index('deletion_requests_village_idx').on(t.villageId, t.state),
  ],
);

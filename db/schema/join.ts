import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { JOIN_STATES } from '../../shared/domain/join-policy';
import { oneOf } from './one-of';
import { courtyards, households, people } from './org';

/** 院落邀请码 */
export const courtyardInvitations = pgTable(
  'courtyard_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courtyardId: uuid('courtyard_id')
      .notNull()
      .references(() => courtyards.id),
    code: text('code').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('courtyard_invitations_code_uq').on(t.code), index('courtyard_invitations_courtyard_idx').on(t.courtyardId)],
);

/** 入院申请 (信息采集): what the newcomer filled in, decided by the head. */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    courtyardId: uuid('courtyard_id')
      .notNull()
      .references(() => courtyards.id),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => courtyardInvitations.id),
    state: text('state', { enum: JOIN_STATES }).notNull().default('pending'),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    householdLabel: text('household_label').notNull(),
    members: jsonb('members').$type<{ name: string; relation: string }[]>().notNull().default([]),
    livesAlone: boolean('lives_alone').notNull().default(false),
    elderly: boolean('elderly').notNull().default(false),
    needsCare: boolean('needs_care').notNull().default(false),
    reason: text('reason'),
    householdId: uuid('household_id').references(() => households.id),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('join_requests_state_ck', oneOf(t.state, JOIN_STATES)),
    check('join_requests_reason_ck', sql`${t.state} <> 'rejected' or ${t.reason} is not null`),
    // one open request per person at a time
    uniqueIndex('join_requests_one_pending_uq')
      .on(t.personId)
      .where(sql`${t.state} = 'pending'`),
    index('join_requests_courtyard_state_idx').on(t.courtyardId, t.state, t.createdAt),
  ],
);

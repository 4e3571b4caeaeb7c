import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { REQUEST_CATEGORY_KEYS, REQUEST_LEVEL_KEYS, REQUEST_STATE_KEYS, SOS_LIVE_STATES, SOS_STATES } from '../../shared/domain/requests';
import { TICKET_KINDS } from '../../shared/domain/ticket-number';
import { oneOf } from './one-of';
import { courtyards, households, people, townships, villages } from './org';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 找院长 SLA per village (defaults apply until a cadre saves settings). */
export const requestSettings = pgTable(
  'request_settings',
  {
    villageId: uuid('village_id')
      .primaryKey()
      .references(() => villages.id),
    acceptHours: integer('accept_hours').notNull(),
    resolveHours: integer('resolve_hours').notNull(),
    reopenDays: integer('reopen_days').notNull(),
    sosAckMinutes: integer('sos_ack_minutes').notNull(),
    updatedBy: uuid('updated_by').references(() => people.id),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    check(
      'request_settings_ranges_ck',
      sql`${t.acceptHours} between 1 and 720 and ${t.resolveHours} between 1 and 8760
      and ${t.reopenDays} between 0 and 90 and ${t.sosAckMinutes} between 1 and 120`,
    ),
  ],
);

/**
 * 找院长 事项. `level` (私事/小事/大事/难事) decides who owns it; `state` where it is in the loop.
 * `slaSeq` changes with every state or level change, so a timer armed for an earlier stage
 * finds a different number and does nothing.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
    courtyardId: uuid('courtyard_id')
      .notNull()
      .references(() => courtyards.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    /**
     * 工单号 (shared/domain/ticket-number.ts): the year and the township's sequence number in it,
     * taken from `ticket_counters` in the creating transaction. NOT NULL in the database: the
     * migration fills existing rows first, then sets it (drizzle cannot add a required column
     * to a table that has rows).
     */
    ticketYear: integer('ticket_year'),
    ticketSeq: integer('ticket_seq'),
    category: text('category', { enum: REQUEST_CATEGORY_KEYS }).notNull(),
    text: text('text').notNull(),
    place: text('place'),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    state: text('state', { enum: REQUEST_STATE_KEYS }).notNull(),
    level: text('level', { enum: REQUEST_LEVEL_KEYS }).notNull(),
    handlerId: uuid('handler_id').references(() => people.id),
    slaSeq: integer('sla_seq').notNull().default(0),
    /** the current deadline: accept by (waiting) or resolve by (accepted); null once resolved */
    dueAt: at('due_at'),
    /** set when a deadline passed with nobody moving it (flag for lists and figures) */
    overdueAt: at('overdue_at'),
    createdAt: at('created_at').notNull(),
    acceptedAt: at('accepted_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    check('requests_state_ck', oneOf(t.state, REQUEST_STATE_KEYS)),
    check('requests_level_ck', oneOf(t.level, REQUEST_LEVEL_KEYS)),
    check('requests_category_ck', oneOf(t.category, REQUEST_CATEGORY_KEYS)),
    check('requests_rating_ck', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    index('requests_requester_idx').on(t.requesterId, t.createdAt),
    index('requests_courtyard_idx').on(t.courtyardId, t.state),
    index('requests_village_idx').on(t.villageId, t.createdAt),
    index('requests_township_idx').on(t.townshipId, t.level, t.state),
    uniqueIndex('requests_ticket_uq').on(t.townshipId, t.ticketYear, t.ticketSeq),
  ],
);

/** Timeline: every event on a request. Append-only (a trigger refuses updates and deletes). */
export const requestEvents = pgTable(
  'request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** order of events, also within one transaction (same `at`) */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    /** null: the system (a timer) */
    actorId: uuid('actor_id').references(() => people.id),
    kind: text('kind').notNull(),
    fromState: text('from_state', { enum: REQUEST_STATE_KEYS }),
    toState: text('to_state', { enum: REQUEST_STATE_KEYS }),
    fromLevel: text('from_level', { enum: REQUEST_LEVEL_KEYS }),
    toLevel: text('to_level', { enum: REQUEST_LEVEL_KEYS }),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.seq)],
);

/** The thread between handlers and the requester. Append-only like the timeline. */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    body: text('body').notNull(),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('request_messages_request_idx').on(t.requestId, t.createdAt)],
);

/** 党员联户: the party member(s) looking after a household (told first on 一键呼叫). */
export const householdPartyLinks = pgTable(
  'household_party_links',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.personId] }), index('household_party_links_person_idx').on(t.personId)],
);

/** 一键呼叫: one live call per person (partial unique index); `step` is how far up it has gone. */
export const sosCalls = pgTable(
  'sos_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callerId: uuid('caller_id')
      .notNull()
      .references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
    courtyardId: uuid('courtyard_id')
      .notNull()
      .references(() => courtyards.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    /**
     * 工单号 (shared/domain/ticket-number.ts): the year and the township's sequence number in it,
     * taken from `ticket_counters` in the creating transaction. NOT NULL in the database: the
     * migration fills existing rows first, then sets it (drizzle cannot add a required column
     * to a table that has rows).
     */
    ticketYear: integer('ticket_year'),
    ticketSeq: integer('ticket_seq'),
    address: text('address').notNull(),
    phone: text('phone'),
    state: text('state', { enum: SOS_STATES }).notNull(),
    step: integer('step').notNull().default(0),
    ackBy: uuid('ack_by').references(() => people.id),
    ackAt: at('ack_at'),
    closedAt: at('closed_at'),
    cancelReason: text('cancel_reason'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('sos_calls_state_ck', oneOf(t.state, SOS_STATES)),
    uniqueIndex('sos_calls_one_live_uq').on(t.callerId).where(oneOf(t.state, SOS_LIVE_STATES)),
    index('sos_calls_village_idx').on(t.villageId, t.state),
    uniqueIndex('sos_calls_ticket_uq').on(t.townshipId, t.ticketYear, t.ticketSeq),
  ],
);

/** Every step of a call (raised, who was told, escalations, acknowledgement, cancel). Append-only. */
export const sosEvents = pgTable(
  'sos_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    callId: uuid('call_id')
      .notNull()
      .references(() => sosCalls.id),
    actorId: uuid('actor_id').references(() => people.id),
    kind: text('kind').notNull(),
    step: integer('step').notNull(),
    note: text('note'),
    at: at('at').notNull(),
  },
  (t) => [index('sos_events_call_idx').on(t.callId, t.seq)],
);

/** Who has been told about a call (any of them may acknowledge it). */
export const sosRecipients = pgTable(
  'sos_recipients',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => sosCalls.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    step: integer('step').notNull(),
    why: text('why').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.personId] }), index('sos_recipients_person_idx').on(t.personId)],
);

/**
 * 工单号 counters: the last number given out per township, kind (找院长 / 一键呼叫) and year.
 * Taken by one `INSERT … ON CONFLICT DO UPDATE … RETURNING` in the creating transaction, whose
 * row lock makes concurrent creates wait for each other: numbers are never shared, and a
 * rolled-back create gives its number back. Decision 016.
 */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    kind: text('kind', { enum: TICKET_KINDS }).notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.townshipId, t.kind, t.year] }),
    check('ticket_counters_kind_ck', oneOf(t.kind, TICKET_KINDS)),
    check('ticket_counters_last_seq_ck', sql`${t.lastSeq} >= 1`),
  ],
);

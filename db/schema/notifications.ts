import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNELS, DELIVERY_STATES, NOTIFICATION_STATES, PUSH_STATES } from '../../shared/domain/notifications';
import { oneOf } from './one-of';
import { people, villages } from './org';

/** A timer: pending → running (claimed under a lease) → done, or cancelled, or failed after its last attempt. */
export const SCHEDULED_JOB_STATES = ['pending', 'running', 'done', 'cancelled', 'failed'] as const;

/**
 * The outbox: one row per thing a person must be told, written in the transaction of the
 * event that causes it. The dispatcher claims due rows (SKIP LOCKED) and delivers them to
 * the in-app inbox and, with a subscription credit, as a WeChat subscribe message.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => people.id),
    /** the recipient's village, so cadres see failures in their scope */
    villageId: uuid('village_id').references(() => villages.id),
    template: text('template').notNull(),
    payload: jsonb('payload').$type<Record<string, string | number | null>>().notNull(),
    /** higher first: SOS 100, tasks 50, updates 0 */
    priority: integer('priority').notNull().default(0),
    /** an event key making the enqueue itself idempotent (e.g. join-request:<id>:new:<head>) */
    dedupeKey: text('dedupe_key'),
    state: text('state', { enum: NOTIFICATION_STATES }).notNull().default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** a claim is a lease: a crashed dispatcher's rows come back after it expires */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** WeChat push: null (not tried) → sending → sent | no_credit | no_channel | refused | failed | unknown */
    pushState: text('push_state', { enum: PUSH_STATES }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** what the recipient does that shows they got it (opening the task, accepting, 我去): e.g. sos:<id> */
    ackKey: text('ack_key'),
    /** set when they did: the channel chain (SMS after N minutes) stops */
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** the next step of its channel policy (0 runs with the inbox delivery) */
    step: integer('step').notNull().default(0),
    /** when that later step is due (null: none left); claimed like the outbox, under a lease */
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_state_ck', oneOf(t.state, NOTIFICATION_STATES)),
    index('notifications_ack_idx').on(t.ackKey, t.recipientId),
    index('notifications_step_due_idx')
      .on(t.stepDueAt)
      .where(sql`${t.stepDueAt} is not null`),
    check('notifications_push_state_ck', sql`${t.pushState} is null or ${oneOf(t.pushState, PUSH_STATES)}`),
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
    index('notifications_due_idx')
      .on(t.priority, t.runAt)
      .where(sql`${t.state} in ('pending', 'processing')`),
    index('notifications_village_state_idx').on(t.villageId, t.state),
  ],
);

/** 消息: what a person sees in the app. One row per notification, never two. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    template: text('template').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    priority: integer('priority').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('inbox_messages_notification_uq').on(t.notificationId), index('inbox_messages_person_idx').on(t.personId, t.createdAt)],
);

/** 订阅次数: each accepted subscribe-message prompt is one credit; each send spends one. */
export const subscriptionCredits = pgTable(
  'subscription_credits',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    template: text('template').notNull(),
    credits: integer('credits').notNull().default(0),
    /** a long-term subscription (政务民生 templates configured long-term): accepted once, spends nothing; cleared when WeChat says 43101 */
    longTermSince: timestamp('long_term_since', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.template] }), check('subscription_credits_nonneg_ck', sql`${t.credits} >= 0`)],
);

/**
 * One record per notification and channel beyond the inbox (公众号, SMS, and subscribe messages
 * sent on a long-term subscription): claimed `sending` before the call, then the outcome. A row
 * found still `sending` means a dispatcher died mid-call; it becomes `unknown` and is never
 * sent again. (One-time subscribe messages keep their record in `notifications.push_state`.)
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    state: text('state', { enum: DELIVERY_STATES }).notNull(),
    /** why it was refused, failed or skipped (errcode, SMS error code), for the cadre's page */
    detail: text('detail'),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.notificationId, t.channel] }),
    check('notification_deliveries_channel_ck', oneOf(t.channel, CHANNELS)),
    check('notification_deliveries_state_ck', oneOf(t.state, DELIVERY_STATES)),
  ],
);

/** The shared WeChat access token (stable_token), so every instance uses one. */
export const wechatTokens = pgTable('wechat_tokens', {
  appId: text('app_id').primaryKey(),
  accessToken: text('access_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  lastForceRefreshAt: timestamp('last_force_refresh_at', { withTimezone: true }),
});

/** Timers: run a named job with a payload at a time; idempotent by key; cancellable. */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: SCHEDULED_JOB_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('scheduled_jobs_state_ck', oneOf(t.state, SCHEDULED_JOB_STATES)),
    uniqueIndex('scheduled_jobs_key_uq').on(t.key),
    index('scheduled_jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.state} in ('pending', 'running')`),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { POINTS_EVENT_KINDS } from '../../shared/domain/points-events';
import { BOARD_KINDS, REDEMPTION_STATES } from '../../shared/domain/points';
import { oneOf } from './one-of';
import { courtyards, households, people, townships, villages } from './org';

/** 积分规则: event kind → points per village, with an optional daily cap per person. */
export const pointsRules = pgTable(
  'points_rules',
  {
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    eventKind: text('event_kind', { enum: POINTS_EVENT_KINDS }).notNull(),
    points: integer('points').notNull(),
    dailyCap: integer('daily_cap'),
    updatedBy: uuid('updated_by').references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.villageId, t.eventKind] }), check('points_rules_cap_ck', sql`${t.dailyCap} is null or ${t.dailyCap} > 0`)],
);

/** Who changed which rule when, old → new. Append-only. */
export const pointsRuleChanges = pgTable('points_rule_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  villageId: uuid('village_id')
    .notNull()
    .references(() => villages.id),
  eventKind: text('event_kind', { enum: POINTS_EVENT_KINDS }).notNull(),
  oldPoints: integer('old_points'),
  newPoints: integer('new_points'),
  oldCap: integer('old_cap'),
  newCap: integer('new_cap'),
  changedBy: uuid('changed_by')
    .notNull()
    .references(() => people.id),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
});

/**
 * 积分流水: append-only. Every point has a reason and the event that caused it; the
 * idempotency key makes posting the same event twice post once.
 */
export const pointsLedger = pgTable(
  'points_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    householdId: uuid('household_id').references(() => households.id),
    courtyardId: uuid('courtyard_id').references(() => courtyards.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    amount: integer('amount').notNull(),
    reasonCode: text('reason_code').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    postedBy: uuid('posted_by').references(() => people.id),
    note: text('note'),
    /** earned or lost merit (counts on leaderboards) vs. spending and refunds (does not) */
    countsForBoard: boolean('counts_for_board').notNull(),
    /** China-time month 'YYYY-MM' of the entry, for monthly boards */
    month: text('month').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('points_ledger_amount_ck', sql`${t.amount} <> 0`),
    uniqueIndex('points_ledger_idem_uq').on(t.idempotencyKey),
    index('points_ledger_person_idx').on(t.personId, t.createdAt),
    index('points_ledger_household_idx').on(t.householdId, t.createdAt),
    index('points_ledger_cap_idx').on(t.personId, t.reasonCode, t.createdAt),
    /** 数据概览: a village's entries by day */
    index('points_ledger_village_idx').on(t.villageId, t.createdAt),
  ],
);

/** 积分余额 per person, changed only with a ledger entry, never below zero. */
export const pointsBalances = pgTable(
  'points_balances',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id),
    balance: integer('balance').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('points_balances_nonneg_ck', sql`${t.balance} >= 0`)],
);

/**
 * 挂榜 totals, kept in the posting transaction: one row per (board kind, subject, period),
 * period 'all' or 'YYYY-MM'. Ranks are index range counts, never a GROUP BY over the ledger.
 */
export const pointsTotals = pgTable(
  'points_totals',
  {
    kind: text('kind', { enum: BOARD_KINDS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    period: text('period').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    total: integer('total').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.subjectId, t.period] }),
    check('points_totals_kind_ck', oneOf(t.kind, BOARD_KINDS)),
    // in board order (total desc, subject): top-N reads the first N entries with no sort (ties
    // used to be sorted whole), and "how many above me" counts a prefix of the same index
    // without visiting the table (index-only: everything it reads is in the key)
    index('points_totals_village_rank_idx').on(t.villageId, t.kind, t.period, t.total.desc().nullsFirst(), t.subjectId),
    index('points_totals_township_rank_idx').on(t.townshipId, t.kind, t.period, t.total.desc().nullsFirst(), t.subjectId),
  ],
);

/** 积分超市商品 */
export const rewards = pgTable(
  'rewards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    name: text('name').notNull(),
    pictureUrl: text('picture_url'),
    price: integer('price').notNull(),
    stock: integer('stock').notNull(),
    perPersonLimit: integer('per_person_limit'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rewards_price_ck', sql`${t.price} > 0`),
    check('rewards_stock_ck', sql`${t.stock} >= 0`),
    check('rewards_limit_ck', sql`${t.perPersonLimit} is null or ${t.perPersonLimit} > 0`),
    index('rewards_village_idx').on(t.villageId),
  ],
);

/** 兑换: points and stock are taken at redeem; hand-over, cancel or expiry ends it. */
export const redemptions = pgTable(
  'redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rewardId: uuid('reward_id')
      .notNull()
      .references(() => rewards.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    points: integer('points').notNull(),
    pickupCode: text('pickup_code').notNull(),
    state: text('state', { enum: REDEMPTION_STATES }).notNull().default('reserved'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
  },
  (t) => [
    check('redemptions_state_ck', oneOf(t.state, REDEMPTION_STATES)),
    uniqueIndex('redemptions_pickup_uq').on(t.pickupCode),
    index('redemptions_person_idx').on(t.personId, t.createdAt),
    index('redemptions_reward_person_idx').on(t.rewardId, t.personId),
  ],
);

/** Village settings for the shop (days before an unclaimed redemption expires). */
export const pointsSettings = pgTable('points_settings', {
  villageId: uuid('village_id')
    .primaryKey()
    .references(() => villages.id),
  redemptionExpiryDays: integer('redemption_expiry_days').notNull().default(7),
});

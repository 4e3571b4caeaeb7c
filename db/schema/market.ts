import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATES,
  CONTACT_PREFS,
  CONTENT_CHECKS,
  EMPLOYER_KINDS,
  INTENT_STATES,
  JOB_STATES,
  LISTING_CATEGORY_KEYS,
  LISTING_STATES,
  MEDIA_CHECK_STATES,
  PAY_UNITS,
  WORK_RECORD_SIDES,
} from '../../shared/domain/market';
import { oneOf } from './one-of';
import { courtyards, people, townships, villages } from './org';

const at = (name: string) => timestamp(name, { withTimezone: true });
const place = () => ({
  villageId: uuid('village_id')
    .notNull()
    .references(() => villages.id),
  /** null for a job the village itself posts (a cadre has no courtyard) */
  courtyardId: uuid('courtyard_id').references(() => courtyards.id),
  townshipId: uuid('township_id')
    .notNull()
    .references(() => townships.id),
});
/** msg_sec_check result (pass/review/risky; unchecked when WeChat could not be asked) */
const review = () => ({
  contentCheck: text('content_check', { enum: CONTENT_CHECKS }),
  contentLabel: integer('content_label'),
  contentTraceId: text('content_trace_id'),
  rejectReason: text('reject_reason'),
  reviewedBy: uuid('reviewed_by').references(() => people.id),
  publishedAt: at('published_at'),
  expiresAt: at('expires_at'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** 帮我卖: a villager's produce. `quantity` is what is still available (never below zero). */
export const listings = pgTable(
  'listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => people.id),
    ...place(),
    title: text('title').notNull(),
    category: text('category', { enum: LISTING_CATEGORY_KEYS }).notNull(),
    description: text('description').notNull(),
    photoIds: uuid('photo_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    priceFen: integer('price_fen').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    pickupNote: text('pickup_note').notNull(),
    contactPref: text('contact_pref', { enum: CONTACT_PREFS }).notNull(),
    state: text('state', { enum: LISTING_STATES }).notNull(),
    featured: boolean('featured').notNull().default(false),
    ...review(),
  },
  (t) => [
    check('listings_state_ck', oneOf(t.state, LISTING_STATES)),
    check('listings_quantity_ck', sql`${t.quantity} >= 0`),
    check('listings_price_ck', sql`${t.priceFen} > 0`),
    index('listings_browse_idx').on(t.state, t.featured, t.publishedAt),
    index('listings_seller_idx').on(t.sellerId, t.createdAt),
    index('listings_review_idx').on(t.villageId, t.state),
  ],
);

/** 购买意向: a buyer asks for a quantity; the seller accepts (reducing what is available) or declines. */
export const listingIntents = pgTable(
  'listing_intents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => people.id),
    quantity: integer('quantity').notNull(),
    phone: text('phone').notNull(),
    note: text('note').notNull(),
    state: text('state', { enum: INTENT_STATES }).notNull().default('pending'),
    declineReason: text('decline_reason'),
    createdAt: at('created_at').notNull(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    check('listing_intents_state_ck', oneOf(t.state, INTENT_STATES)),
    check('listing_intents_quantity_ck', sql`${t.quantity} > 0`),
    index('listing_intents_listing_idx').on(t.listingId, t.createdAt),
    index('listing_intents_buyer_idx').on(t.buyerId, t.createdAt),
  ],
);

/** 找活干: work offered by a villager, a cooperative or the village. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    posterId: uuid('poster_id')
      .notNull()
      .references(() => people.id),
    ...place(),
    employerKind: text('employer_kind', { enum: EMPLOYER_KINDS }).notNull(),
    employerName: text('employer_name').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    payFen: integer('pay_fen').notNull(),
    payUnit: text('pay_unit', { enum: PAY_UNITS }).notNull(),
    jobPlace: text('job_place').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    headcount: integer('headcount').notNull(),
    accepted: integer('accepted').notNull().default(0),
    state: text('state', { enum: JOB_STATES }).notNull(),
    ...review(),
  },
  (t) => [
    check('jobs_state_ck', oneOf(t.state, JOB_STATES)),
    check('jobs_headcount_ck', sql`${t.accepted} >= 0 and ${t.accepted} <= ${t.headcount}`),
    check('jobs_kind_ck', oneOf(t.employerKind, EMPLOYER_KINDS)),
    check('jobs_pay_unit_ck', oneOf(t.payUnit, PAY_UNITS)),
    index('jobs_browse_idx').on(t.state, t.publishedAt),
    index('jobs_poster_idx').on(t.posterId, t.createdAt),
    index('jobs_review_idx').on(t.villageId, t.state),
  ],
);

export const jobApplications = pgTable(
  'job_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => people.id),
    note: text('note').notNull(),
    state: text('state', { enum: APPLICATION_STATES }).notNull().default('applied'),
    createdAt: at('created_at').notNull(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    check('job_applications_state_ck', oneOf(t.state, APPLICATION_STATES)),
    uniqueIndex('job_applications_one_live_uq')
      .on(t.jobId, t.workerId)
      .where(sql`${t.state} in ('applied', 'accepted')`),
    index('job_applications_worker_idx').on(t.workerId, t.createdAt),
  ],
);

/** 工作记录: each side's own account of days worked and pay, kept separately so a dispute has both. */
export const jobWorkRecords = pgTable(
  'job_work_records',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => jobApplications.id),
    side: text('side', { enum: WORK_RECORD_SIDES }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    days: numeric('days', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    payFen: integer('pay_fen').notNull(),
    at: at('at').notNull(),
  },
  (t) => [check('job_work_records_side_ck', oneOf(t.side, WORK_RECORD_SIDES)), uniqueIndex('job_work_records_side_uq').on(t.applicationId, t.side)],
);

/** media_check_async requests: WeChat answers each trace later through the message push. */
export const mediaChecks = pgTable(
  'media_checks',
  {
    traceId: text('trace_id').primaryKey(),
    mediaId: uuid('media_id').notNull(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => listings.id),
    state: text('state', { enum: MEDIA_CHECK_STATES }).notNull().default('pending'),
    label: integer('label'),
    createdAt: at('created_at').notNull(),
    resultAt: at('result_at'),
  },
  (t) => [check('media_checks_state_ck', oneOf(t.state, MEDIA_CHECK_STATES)), index('media_checks_listing_idx').on(t.listingId)],
);

import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BIN_KIND_KEYS, BIN_REPORT_STATES, WXA_ENV_VERSIONS } from '../../shared/domain/bin-report';
import { media } from './media';
import { oneOf } from './one-of';
import { bins, people, villages } from './org';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** 保洁员 ↔ 垃圾桶 assignments. */
export const binCleaners = pgTable(
  'bin_cleaners',
  {
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.binId, t.personId] }), index('bin_cleaners_person_idx').on(t.personId)],
);

/**
 * 报满: one open report per bin (partial unique index); further scans join it as reporters
 * ("me too", as FixMyStreet does) instead of creating new rows.
 */
export const binReports = pgTable(
  'bin_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    state: text('state', { enum: BIN_REPORT_STATES }).notNull().default('open'),
    kind: text('kind', { enum: BIN_KIND_KEYS }).notNull().default('full'),
    reporters: integer('reporters').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id),
    /** the cleaner's optional photo on confirmation */
    closePhotoId: uuid('close_photo_id').references(() => media.id),
  },
  (t) => [
    check('bin_reports_state_ck', oneOf(t.state, BIN_REPORT_STATES)),
    check('bin_reports_kind_ck', oneOf(t.kind, BIN_KIND_KEYS)),
    uniqueIndex('bin_reports_one_open_uq')
      .on(t.binId)
      .where(sql`${t.state} = 'open'`),
    index('bin_reports_village_idx').on(t.villageId, t.openedAt),
  ],
);

/** Who reported (or joined) a report, once each, in order. */
export const binReportReporters = pgTable(
  'bin_report_reporters',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => binReports.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: BIN_KIND_KEYS }).notNull(),
    photoId: uuid('photo_id').references(() => media.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.personId] }),
    index('bin_report_reporters_person_idx').on(t.personId, t.createdAt),
    index('bin_report_reporters_person_bin_idx').on(t.personId, t.binId, t.createdAt),
  ],
);

/**
 * Generated QR images (WeChat mini-program codes), cached once per bin and env_version: a
 * sticker printed from a trial build's code opens the trial, so release never reuses it.
 */
export const binCodeImages = pgTable(
  'bin_code_images',
  {
    binId: uuid('bin_id')
      .notNull()
      .references(() => bins.id),
    /** getwxacodeunlimit's env_version: release | trial | develop */
    envVersion: text('env_version', { enum: WXA_ENV_VERSIONS }).notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.binId, t.envVersion] }), check('bin_code_images_env_ck', oneOf(t.envVersion, WXA_ENV_VERSIONS))],
);

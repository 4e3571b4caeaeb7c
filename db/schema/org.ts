import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BIN_STATES } from '../../shared/domain/bin-report';
import { oneOf } from './one-of';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** 镇/街道 */
export const townships = pgTable('townships', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** 村/社区 */
export const villages = pgTable(
  'villages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    name: text('name').notNull(),
    /** 村部 (depot) coordinates: where a cleaner's route starts when the device has no location. */
    depotLat: doublePrecision('depot_lat'),
    depotLng: doublePrecision('depot_lng'),
    createdAt: createdAt(),
  },
  (t) => [index('villages_township_idx').on(t.townshipId)],
);

/** 院落: 10–30 households that live together. */
export const courtyards = pgTable(
  'courtyards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('courtyards_village_idx').on(t.villageId), uniqueIndex('courtyards_village_name_uq').on(t.villageId, t.name)],
);

/** 户 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courtyardId: uuid('courtyard_id')
      .notNull()
      .references(() => courtyards.id),
    /** 门牌号或户名, unique within the courtyard */
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  // households_label_trgm_idx: 信息采集's search (label ILIKE '%…%'; pg_trgm, migration 0017)
  (t) => [
    uniqueIndex('households_courtyard_label_uq').on(t.courtyardId, t.label),
    index('households_label_trgm_idx').using('gin', t.label.op('gin_trgm_ops')).with({ fastupdate: false }),
  ],
);

/** 人员. A person may exist without a WeChat identity (family members) or without a household (newcomers). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    phone: text('phone'),
    householdId: uuid('household_id').references(() => households.id),
    /** 与户主关系 */
    relation: text('relation'),
    livesAlone: boolean('lives_alone').notNull().default(false),
    elderly: boolean('elderly').notNull().default(false),
    needsCare: boolean('needs_care').notNull().default(false),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    /** 外出务工: away for work most of the year (信息采集) */
    absentForWork: boolean('absent_for_work').notNull().default(false),
    /** 一键呼叫 turned on by the person themself (elderly/alone/needs-care people have it anyway) */
    sosEnabled: boolean('sos_enabled').notNull().default(false),
    createdAt: createdAt(),
  },
  // people_created_idx: the 信息采集 list pages in (created_at, id) order without sorting the township;
  // the trigram indexes find a search's few matches (name ILIKE / phone LIKE '%…%') without walking it;
  // fastupdate off: a pending list left by a big import (until autovacuum) made each search scan it (~20 ms)
  (t) => [
    index('people_household_idx').on(t.householdId),
    index('people_created_idx').on(t.createdAt, t.id),
    index('people_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')).with({ fastupdate: false }),
    index('people_phone_trgm_idx').using('gin', t.phone.op('gin_trgm_ops')).with({ fastupdate: false }),
  ],
);

/** 垃圾桶: seeded now with coordinates; issue 爱环境 builds on it. */
export const bins = pgTable(
  'bins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => villages.id),
    courtyardId: uuid('courtyard_id').references(() => courtyards.id),
    label: text('label').notNull(),
    code: text('code').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    state: text('state', { enum: BIN_STATES }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bins_code_uq').on(t.code),
    uniqueIndex('bins_village_label_uq').on(t.villageId, t.label),
    check('bins_state_ck', oneOf(t.state, BIN_STATES)),
    check('bins_lat_ck', sql`${t.lat} between -90 and 90 and ${t.lng} between -180 and 180`),
  ],
);

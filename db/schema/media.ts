import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MEDIA_TYPES } from '../../shared/domain/media';
import { oneOf } from './one-of';
import { courtyards, people, villages } from './org';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * 照片 uploaded by people (bin reports now; requests and listings later), stored in Postgres
 * behind the media module's interface. Size-capped; the type is checked from the bytes.
 */
export const media = pgTable(
  'media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    /** where the uploader lives: staff in scope may see it */
    villageId: uuid('village_id').references(() => villages.id),
    courtyardId: uuid('courtyard_id').references(() => courtyards.id),
    contentType: text('content_type', { enum: MEDIA_TYPES }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('media_type_ck', oneOf(t.contentType, MEDIA_TYPES)),
    check('media_size_ck', sql`${t.size} > 0 and ${t.size} <= 716800`),
    index('media_owner_idx').on(t.ownerId, t.createdAt),
  ],
);

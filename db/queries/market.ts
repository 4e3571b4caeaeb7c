import { aliasedTable, and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { courtyards, jobApplications, jobs, jobWorkRecords, listingIntents, listings, mediaChecks, people, villages } from '../schema';
import type { CONTENT_VERDICTS, TListingCategory, WORK_RECORD_SIDES } from '../../shared/domain/market';

// ── listings ──

export type TListingRecord = typeof listings.$inferSelect & {
  sellerName: string;
  sellerPhone: string | null;
  villageName: string;
  courtyardName: string | null;
};

const seller = aliasedTable(people, 'seller');
const listingCols = { l: listings, sellerName: seller.name, sellerPhone: seller.phone, villageName: villages.name, courtyardName: courtyards.name };

function selectListings(db: Db) {
  return db
    .select(listingCols)
    .from(listings)
    .innerJoin(seller, eq(seller.id, listings.sellerId))
    .innerJoin(villages, eq(villages.id, listings.villageId))
    .leftJoin(courtyards, eq(courtyards.id, listings.courtyardId));
}
const flatL = (
  rows: { l: typeof listings.$inferSelect; sellerName: string; sellerPhone: string | null; villageName: string; courtyardName: string | null }[],
): TListingRecord[] => rows.map(({ l, ...rest }) => ({ ...l, ...rest }));

export async function findListing(db: Db, id: string): Promise<TListingRecord | null> {
  return flatL(await selectListings(db).where(eq(listings.id, id)))[0] ?? null;
}

export async function lockListing(db: Db, id: string): Promise<TListingRecord | null> {
  const l = await db.select({ id: listings.id }).from(listings).where(eq(listings.id, id)).for('update');
  return l.length ? findListing(db, id) : null;
}

export async function insertListing(db: Db, v: typeof listings.$inferInsert): Promise<string> {
  const [r] = await db.insert(listings).values(v).returning({ id: listings.id });
  return r.id;
}

export async function updateListing(db: Db, id: string, v: Partial<typeof listings.$inferInsert>): Promise<void> {
  await db.update(listings).set(v).where(eq(listings.id, id));
}

/** Takes `qty` from what is left, only if that much is left: the one guard against overselling. */
export async function takeListingQuantity(db: Db, id: string, qty: number, at: Date): Promise<number | null> {
  const r = await db
    .update(listings)
    .set({ quantity: sql`${listings.quantity} - ${qty}`, updatedAt: at })
    .where(and(eq(listings.id, id), eq(listings.state, 'published'), gte(listings.quantity, qty)))
    .returning({ left: listings.quantity });
  return r[0]?.left ?? null;
}

/** Published listings, featured first then newest; keyset over (featured, publishedAt, id). */
export async function browseListings(
  db: Db,
  f: { villageId?: string; category?: TListingCategory },
  after: { featured: boolean; at: Date; id: string } | null,
  limit: number,
) {
  const where: SQL[] = [eq(listings.state, 'published')];
  if (f.villageId) where.push(eq(listings.villageId, f.villageId));
  if (f.category) where.push(eq(listings.category, f.category));
  if (after) {
    where.push(sql`(${listings.featured}::int, ${listings.publishedAt}, ${listings.id}) < (${after.featured ? 1 : 0}, ${after.at}, ${after.id}::uuid)`);
  }
  return flatL(
    await selectListings(db)
      .where(and(...where))
      .orderBy(desc(listings.featured), desc(listings.publishedAt), desc(listings.id))
      .limit(limit + 1),
  );
}

export async function listListingsOfSeller(db: Db, sellerId: string) {
  return flatL(await selectListings(db).where(eq(listings.sellerId, sellerId)).orderBy(desc(listings.createdAt)).limit(100));
}

/** Pending posts a reviewer covers: heads — their courtyards; cadres — their villages. */
export async function listPendingListings(db: Db, scope: { courtyardIds: string[]; villageIds: string[] }) {
  const owned = placeFilter(listings, scope);
  if (!owned) return [];
  return flatL(
    await selectListings(db)
      .where(and(eq(listings.state, 'pending_review'), owned))
      .orderBy(listings.updatedAt)
      .limit(100),
  );
}

function placeFilter(t: typeof listings | typeof jobs, scope: { courtyardIds: string[]; villageIds: string[] }): SQL | undefined {
  const c: SQL[] = [];
  if (scope.courtyardIds.length) c.push(inArray(t.courtyardId, scope.courtyardIds));
  if (scope.villageIds.length) c.push(inArray(t.villageId, scope.villageIds));
  return c.length ? or(...c) : undefined;
}

// ── intents ──

export type TIntentRecord = typeof listingIntents.$inferSelect & {
  buyerName: string;
  listingTitle: string;
  listingUnit: string;
  listingPriceFen: number;
  sellerId: string;
  sellerName: string;
  sellerPhone: string | null;
};
const buyer = aliasedTable(people, 'buyer');
function selectIntents(db: Db) {
  return db
    .select({
      i: listingIntents,
      buyerName: buyer.name,
      listingTitle: listings.title,
      listingUnit: listings.unit,
      listingPriceFen: listings.priceFen,
      sellerId: listings.sellerId,
      sellerName: seller.name,
      sellerPhone: seller.phone,
    })
    .from(listingIntents)
    .innerJoin(buyer, eq(buyer.id, listingIntents.buyerId))
    .innerJoin(listings, eq(listings.id, listingIntents.listingId))
    .innerJoin(seller, eq(seller.id, listings.sellerId));
}
const flatI = (rows: ({ i: typeof listingIntents.$inferSelect } & Omit<TIntentRecord, keyof typeof listingIntents.$inferSelect>)[]): TIntentRecord[] =>
  rows.map(({ i, ...rest }) => ({ ...i, ...rest }));

export async function insertIntent(db: Db, v: typeof listingIntents.$inferInsert): Promise<string> {
  const [r] = await db.insert(listingIntents).values(v).returning({ id: listingIntents.id });
  return r.id;
}

export async function findIntent(db: Db, id: string): Promise<TIntentRecord | null> {
  return flatI(await selectIntents(db).where(eq(listingIntents.id, id)))[0] ?? null;
}

export async function lockIntent(db: Db, id: string): Promise<TIntentRecord | null> {
  const l = await db.select({ id: listingIntents.id }).from(listingIntents).where(eq(listingIntents.id, id)).for('update');
  return l.length ? findIntent(db, id) : null;
}

export async function updateIntent(db: Db, id: string, v: Partial<typeof listingIntents.$inferInsert>): Promise<void> {
  await db.update(listingIntents).set(v).where(eq(listingIntents.id, id));
}

export async function listIntentsOfListing(db: Db, listingId: string) {
  return flatI(await selectIntents(db).where(eq(listingIntents.listingId, listingId)).orderBy(desc(listingIntents.createdAt)));
}

export async function listIntentsOfBuyer(db: Db, buyerId: string) {
  return flatI(await selectIntents(db).where(eq(listingIntents.buyerId, buyerId)).orderBy(desc(listingIntents.createdAt)).limit(100));
}

/** Declines every pending intent of a listing (sold out, closed, expired); returns who asked. */
export async function declinePendingIntents(db: Db, listingId: string, reason: string, at: Date): Promise<{ id: string; buyerId: string }[]> {
  return db
    .update(listingIntents)
    .set({ state: 'declined', declineReason: reason, decidedAt: at })
    .where(and(eq(listingIntents.listingId, listingId), eq(listingIntents.state, 'pending')))
    .returning({ id: listingIntents.id, buyerId: listingIntents.buyerId });
}

// ── jobs ──

export type TJobRecord = typeof jobs.$inferSelect & { posterName: string; posterPhone: string | null; villageName: string };
const poster = aliasedTable(people, 'poster');
function selectJobs(db: Db) {
  return db
    .select({ j: jobs, posterName: poster.name, posterPhone: poster.phone, villageName: villages.name })
    .from(jobs)
    .innerJoin(poster, eq(poster.id, jobs.posterId))
    .innerJoin(villages, eq(villages.id, jobs.villageId));
}
const flatJ = (rows: { j: typeof jobs.$inferSelect; posterName: string; posterPhone: string | null; villageName: string }[]): TJobRecord[] =>
  rows.map(({ j, ...rest }) => ({ ...j, ...rest }));

export async function findJob(db: Db, id: string): Promise<TJobRecord | null> {
  return flatJ(await selectJobs(db).where(eq(jobs.id, id)))[0] ?? null;
}

export async function lockJob(db: Db, id: string): Promise<TJobRecord | null> {
  const l = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, id)).for('update');
  return l.length ? findJob(db, id) : null;
}

export async function insertJob(db: Db, v: typeof jobs.$inferInsert): Promise<string> {
  const [r] = await db.insert(jobs).values(v).returning({ id: jobs.id });
  return r.id;
}

export async function updateJob(db: Db, id: string, v: Partial<typeof jobs.$inferInsert>): Promise<void> {
  await db.update(jobs).set(v).where(eq(jobs.id, id));
}

export async function browseJobs(db: Db, f: { villageId?: string }, after: { at: Date; id: string } | null, limit: number) {
  const where: SQL[] = [eq(jobs.state, 'published')];
  if (f.villageId) where.push(eq(jobs.villageId, f.villageId));
  if (after) where.push(or(lt(jobs.publishedAt, after.at), and(eq(jobs.publishedAt, after.at), lt(jobs.id, after.id)))!);
  return flatJ(
    await selectJobs(db)
      .where(and(...where))
      .orderBy(desc(jobs.publishedAt), desc(jobs.id))
      .limit(limit + 1),
  );
}

export async function listJobsOfPoster(db: Db, posterId: string) {
  return flatJ(await selectJobs(db).where(eq(jobs.posterId, posterId)).orderBy(desc(jobs.createdAt)).limit(100));
}

export async function listPendingJobs(db: Db, scope: { courtyardIds: string[]; villageIds: string[] }) {
  const owned = placeFilter(jobs, scope);
  if (!owned) return [];
  return flatJ(
    await selectJobs(db)
      .where(and(eq(jobs.state, 'pending_review'), owned))
      .orderBy(jobs.updatedAt)
      .limit(100),
  );
}

/** One more hired, only while places are left. */
export async function takeJobPlace(db: Db, id: string, at: Date): Promise<{ accepted: number; headcount: number } | null> {
  const r = await db
    .update(jobs)
    .set({ accepted: sql`${jobs.accepted} + 1`, updatedAt: at })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'published'), lt(jobs.accepted, jobs.headcount)))
    .returning({ accepted: jobs.accepted, headcount: jobs.headcount });
  return r[0] ?? null;
}

// ── applications ──

export type TApplicationRecord = typeof jobApplications.$inferSelect & {
  workerName: string;
  workerPhone: string | null;
  jobTitle: string;
  jobPayFen: number;
  jobPayUnit: (typeof jobs.$inferSelect)['payUnit'];
  posterId: string;
};
const worker = aliasedTable(people, 'worker');
function selectApplications(db: Db) {
  return db
    .select({
      a: jobApplications,
      workerName: worker.name,
      workerPhone: worker.phone,
      jobTitle: jobs.title,
      jobPayFen: jobs.payFen,
      jobPayUnit: jobs.payUnit,
      posterId: jobs.posterId,
    })
    .from(jobApplications)
    .innerJoin(worker, eq(worker.id, jobApplications.workerId))
    .innerJoin(jobs, eq(jobs.id, jobApplications.jobId));
}
const flatA = (
  rows: ({ a: typeof jobApplications.$inferSelect } & Omit<TApplicationRecord, keyof typeof jobApplications.$inferSelect>)[],
): TApplicationRecord[] => rows.map(({ a, ...rest }) => ({ ...a, ...rest }));

/** A new application, or null when the person already has a live one for the job. */
export async function insertApplication(db: Db, v: typeof jobApplications.$inferInsert): Promise<string | null> {
  const r = await db.insert(jobApplications).values(v).onConflictDoNothing().returning({ id: jobApplications.id });
  return r[0]?.id ?? null;
}

export async function findApplication(db: Db, id: string): Promise<TApplicationRecord | null> {
  return flatA(await selectApplications(db).where(eq(jobApplications.id, id)))[0] ?? null;
}

export async function lockApplication(db: Db, id: string): Promise<TApplicationRecord | null> {
  const l = await db.select({ id: jobApplications.id }).from(jobApplications).where(eq(jobApplications.id, id)).for('update');
  return l.length ? findApplication(db, id) : null;
}

export async function updateApplication(db: Db, id: string, v: Partial<typeof jobApplications.$inferInsert>): Promise<void> {
  await db.update(jobApplications).set(v).where(eq(jobApplications.id, id));
}

export async function listApplicationsOfJob(db: Db, jobId: string) {
  return flatA(await selectApplications(db).where(eq(jobApplications.jobId, jobId)).orderBy(jobApplications.createdAt));
}

export async function listApplicationsOfWorker(db: Db, workerId: string) {
  return flatA(await selectApplications(db).where(eq(jobApplications.workerId, workerId)).orderBy(desc(jobApplications.createdAt)).limit(100));
}

export async function declinePendingApplications(db: Db, jobId: string, at: Date): Promise<{ id: string; workerId: string }[]> {
  return db
    .update(jobApplications)
    .set({ state: 'declined', decidedAt: at })
    .where(and(eq(jobApplications.jobId, jobId), eq(jobApplications.state, 'applied')))
    .returning({ id: jobApplications.id, workerId: jobApplications.workerId });
}

/** Each side's record, replaced when that side confirms again. */
export async function upsertWorkRecord(
  db: Db,
  v: { applicationId: string; side: (typeof WORK_RECORD_SIDES)[number]; personId: string; days: number; payFen: number; at: Date },
): Promise<void> {
  await db
    .insert(jobWorkRecords)
    .values(v)
    .onConflictDoUpdate({
      target: [jobWorkRecords.applicationId, jobWorkRecords.side],
      set: { days: v.days, payFen: v.payFen, at: v.at, personId: v.personId },
    });
}

export async function listWorkRecords(db: Db, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  return db.select().from(jobWorkRecords).where(inArray(jobWorkRecords.applicationId, applicationIds));
}

// ── media checks ──

export async function insertMediaChecks(db: Db, rows: { traceId: string; mediaId: string; listingId: string; createdAt: Date }[]): Promise<void> {
  if (rows.length) await db.insert(mediaChecks).values(rows).onConflictDoNothing();
}

/** Records WeChat's verdict once; returns the check (with its listing) if it was still pending. */
export async function settleMediaCheck(db: Db, traceId: string, state: (typeof CONTENT_VERDICTS)[number], label: number | null, at: Date) {
  const r = await db
    .update(mediaChecks)
    .set({ state, label, resultAt: at })
    .where(and(eq(mediaChecks.traceId, traceId), eq(mediaChecks.state, 'pending')))
    .returning({ listingId: mediaChecks.listingId, mediaId: mediaChecks.mediaId });
  return r[0] ?? null;
}

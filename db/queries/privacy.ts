import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { consents, deletionRequests, people, roleAssignments, sessions, wechatIdentities } from '../schema';
import type { TDeletionState } from '../../shared/domain/privacy';

export async function insertConsent(db: Db, v: { personId: string; version: string; agreedAt: Date }): Promise<void> {
  await db.insert(consents).values(v).onConflictDoNothing();
}

/** The version this person agreed to last (null: never). */
const latestConsentRows = prepared((db, p: TPlaceholders<{ personId: string }>) =>
  db
    .select({ version: consents.version, agreedAt: consents.agreedAt })
    .from(consents)
    .where(eq(consents.personId, p.personId))
    .orderBy(desc(consents.agreedAt), desc(consents.version))
    .limit(1),
);

export async function findLatestConsent(db: Db, personId: string): Promise<{ version: string; agreedAt: Date } | null> {
  const [r] = await latestConsentRows(db, { personId });
  return r ?? null;
}

export type TDeletionRecord = {
  id: string;
  personId: string;
  villageId: string | null;
  state: TDeletionState;
  nameAtRequest: string;
  requestedAt: Date;
  decidedAt: Date | null;
};
const deletionCols = {
  id: deletionRequests.id,
  personId: deletionRequests.personId,
  villageId: deletionRequests.villageId,
  state: deletionRequests.state,
  nameAtRequest: deletionRequests.nameAtRequest,
  requestedAt: deletionRequests.requestedAt,
  decidedAt: deletionRequests.decidedAt,
};

/** Inserts a pending request; null when one is pending already (the partial unique index). */
export async function insertDeletionRequest(
  db: Db,
  v: { personId: string; villageId: string | null; nameAtRequest: string; requestedAt: Date },
): Promise<TDeletionRecord | null> {
  const [r] = await db.insert(deletionRequests).values(v).onConflictDoNothing().returning(deletionCols);
  return r ?? null;
}

/** The person's latest request (pending, or the last decided one). */
const latestDeletionRows = prepared((db, p: TPlaceholders<{ personId: string }>) =>
  db.select(deletionCols).from(deletionRequests).where(eq(deletionRequests.personId, p.personId)).orderBy(desc(deletionRequests.requestedAt)).limit(1),
);

export async function findLatestDeletionRequest(db: Db, personId: string): Promise<TDeletionRecord | null> {
  const [r] = await latestDeletionRows(db, { personId });
  return r ?? null;
}

export async function lockDeletionRequest(db: Db, id: string): Promise<TDeletionRecord | null> {
  const [r] = await db.select(deletionCols).from(deletionRequests).where(eq(deletionRequests.id, id)).for('update');
  return r ?? null;
}

export async function listPendingDeletions(db: Db, villageId: string): Promise<TDeletionRecord[]> {
  return db
    .select(deletionCols)
    .from(deletionRequests)
    .where(and(eq(deletionRequests.villageId, villageId), eq(deletionRequests.state, 'pending')))
    .orderBy(asc(deletionRequests.requestedAt), asc(deletionRequests.id));
}

export async function decideDeletionRequest(
  db: Db,
  id: string,
  v: { state: TDeletionState; decidedBy: string | null; decidedAt: Date },
): Promise<TDeletionRecord> {
  const [r] = await db.update(deletionRequests).set(v).where(eq(deletionRequests.id, id)).returning(deletionCols);
  return r;
}

/**
 * 注销: the person keeps their id (ledger rows, requests and totals stay with it) but nothing
 * that names or reaches them: name → `name`, phone, flags, WeChat identities (openid,
 * unionid) and their 公众号 follower links gone, sessions revoked, roles ended, phones on join
 * requests, intents and SOS calls blanked, and the photos they uploaded deleted (and taken off
 * the requests, messages, listings and bin reports that showed them).
 */
export async function anonymisePerson(db: Db, personId: string, name: string, at: Date): Promise<{ photosDeleted: number }> {
  await db
    .update(people)
    .set({ name, phone: null, relation: null, livesAlone: false, elderly: false, needsCare: false, isPartyMember: false, sosEnabled: false })
    .where(eq(people.id, personId));
  await db.execute(
    sql`delete from oa_followers where unionid in (select unionid from wechat_identities where person_id = ${personId} and unionid is not null)`,
  );
  await db.delete(wechatIdentities).where(eq(wechatIdentities.personId, personId));
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)));
  await db
    .update(roleAssignments)
    .set({ endedAt: at })
    .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.endedAt)));
  await db.execute(sql`update join_requests set name = ${name}, phone = '', members = '[]'::jsonb where person_id = ${personId}`);
  await db.execute(sql`update listing_intents set phone = '' where buyer_id = ${personId}`);
  await db.execute(sql`update sos_calls set phone = null where caller_id = ${personId}`);
  // photos: off everything that shows them, then gone
  const mine = sql`(select id from media where owner_id = ${personId})`;
  const strip = (table: SQL) =>
    db.execute(sql`update ${table} set photo_ids = array(select x from unnest(photo_ids) x where x not in ${mine}) where photo_ids && array${mine}`);
  await strip(sql`requests`);
  await strip(sql`request_messages`);
  await strip(sql`listings`);
  await db.execute(sql`update bin_report_reporters set photo_id = null where photo_id in ${mine}`);
  await db.execute(sql`update bin_reports set close_photo_id = null where close_photo_id in ${mine}`);
  const r = await db.execute(sql`delete from media where owner_id = ${personId}`);
  return {
    photosDeleted: Number((r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0),
  };
}

/** Rows of one query as plain JSON objects (timestamps as ISO text), for 我的数据. */
async function jsonRows(db: Db, query: SQL): Promise<Record<string, unknown>[]> {
  const r = await db.execute(sql`select coalesce(jsonb_agg(to_jsonb(q)), '[]'::jsonb) as rows from (${query}) q`);
  const v = (r as unknown as { rows: { rows: unknown }[] }).rows[0].rows;
  return (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>[];
}

/** 我的数据: everything stored about one person, table by table (never photo bytes or token hashes). */
export async function exportPersonRows(db: Db, personId: string) {
  const p = personId;
  const q = (query: SQL) => jsonRows(db, query);
  return {
    person: await q(sql`select id, name, phone, relation, lives_alone, elderly, needs_care, sos_enabled, created_at, household_id from people where id = ${p}`),
    household: await q(
      sql`select h.id, h.label, c.name as courtyard from households h join courtyards c on c.id = h.courtyard_id where h.id = (select household_id from people where id = ${p})`,
    ),
    members: await q(
      sql`select name, relation from people where household_id = (select household_id from people where id = ${p}) and id <> ${p} order by created_at, id`,
    ),
    roles: await q(
      sql`select role, scope_type, township_id, village_id, courtyard_id, created_at, ended_at from role_assignments where person_id = ${p} order by created_at`,
    ),
    wechat: await q(sql`select app_id, openid, unionid, created_at, last_login_at from wechat_identities where person_id = ${p}`),
    joinRequests: await q(
      sql`select id, courtyard_id, state, name, phone, household_label, members, lives_alone, elderly, needs_care, reason, created_at from join_requests where person_id = ${p} order by created_at`,
    ),
    requests: await q(
      sql`select id, category, text, place, photo_ids, state, level, rating, rating_comment, created_at, closed_at from requests where requester_id = ${p} order by created_at`,
    ),
    requestMessages: await q(sql`select request_id, body, photo_ids, created_at from request_messages where author_id = ${p} order by created_at`),
    sosCalls: await q(sql`select id, state, address, phone, created_at, closed_at from sos_calls where caller_id = ${p} order by created_at`),
    binReports: await q(sql`select report_id, bin_id, photo_id, created_at from bin_report_reporters where person_id = ${p} order by created_at`),
    listings: await q(
      sql`select id, title, category, description, photo_ids, price_fen, unit, state, created_at from listings where seller_id = ${p} order by created_at`,
    ),
    intents: await q(sql`select id, listing_id, quantity, phone, note, state, created_at from listing_intents where buyer_id = ${p} order by created_at`),
    jobs: await q(sql`select id, title, description, pay_fen, pay_unit, state, created_at from jobs where poster_id = ${p} order by created_at`),
    applications: await q(sql`select id, job_id, note, state, created_at from job_applications where worker_id = ${p} order by created_at`),
    photos: await q(sql`select id, content_type, size, created_at from media where owner_id = ${p} order by created_at`),
    pointsLedger: await q(
      sql`select amount, reason_code, source_kind, source_id, note, counts_for_board, created_at from points_ledger where person_id = ${p} order by created_at, id`,
    ),
    pointsBalance: await q(sql`select balance from points_balances where person_id = ${p}`),
    redemptions: await q(
      sql`select r.id, w.name as reward, r.points, r.pickup_code, r.state, r.created_at, r.closed_at from redemptions r join rewards w on w.id = r.reward_id where r.person_id = ${p} order by r.created_at`,
    ),
    consents: await q(sql`select version, agreed_at from consents where person_id = ${p} order by agreed_at`),
    deletionRequests: await q(sql`select id, state, requested_at, decided_at from deletion_requests where person_id = ${p} order by requested_at`),
  };
}

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

/** One object as the access layer needs it: where it lives and who has a part in it. */
export type TAccessRow = {
  townshipId: string | null;
  villageId: string | null;
  courtyardId: string | null;
  owner: string | null;
  counterpart: string | null;
  handler: string | null;
  state: string | null;
  level: string | null;
  members: string[];
  responders: string[];
  workers: string[];
  onBinReport: boolean;
};

const EMPTY: Omit<TAccessRow, 'townshipId' | 'villageId' | 'courtyardId'> = {
  owner: null,
  counterpart: null,
  handler: null,
  state: null,
  level: null,
  members: [],
  responders: [],
  workers: [],
  onBinReport: false,
};

/** A place (township, village, courtyard) with no parties: what a place-kind object is for access. */
export const placeRow = (townshipId: string, villageId: string | null, courtyardId: string | null): TAccessRow => ({
  ...EMPTY,
  townshipId,
  villageId,
  courtyardId,
});

async function one(db: Db, q: SQL): Promise<TAccessRow | null> {
  const r = await db.execute(q);
  const row = (r as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return null;
  return {
    ...EMPTY,
    townshipId: (row.township_id as string | null) ?? null,
    villageId: (row.village_id as string | null) ?? null,
    courtyardId: (row.courtyard_id as string | null) ?? null,
    owner: (row.owner as string | null) ?? null,
    counterpart: (row.counterpart as string | null) ?? null,
    handler: (row.handler as string | null) ?? null,
    state: (row.state as string | null) ?? null,
    level: (row.level as string | null) ?? null,
    members: (row.members as string[] | null) ?? [],
    responders: (row.responders as string[] | null) ?? [],
    workers: (row.workers as string[] | null) ?? [],
    onBinReport: Boolean(row.on_bin_report),
  };
}

export const townshipAccess = (db: Db, id: string) => one(db, sql`select id as township_id from townships where id = ${id}`);

export const villageAccess = (db: Db, id: string) => one(db, sql`select township_id, id as village_id from villages where id = ${id}`);

export const courtyardAccess = (db: Db, id: string) =>
  one(db, sql`select v.township_id, v.id as village_id, c.id as courtyard_id from courtyards c join villages v on v.id = c.village_id where c.id = ${id}`);

export const householdAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select v.township_id, v.id as village_id, c.id as courtyard_id,
           array(select p.id from people p where p.household_id = h.id) as members
      from households h join courtyards c on c.id = h.courtyard_id join villages v on v.id = c.village_id
     where h.id = ${id}`,
  );

/** A person: their household's courtyard, else the village of their first role. */
export const personAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select coalesce(v.township_id, ra.township_id) as township_id, coalesce(v.id, ra.village_id) as village_id, c.id as courtyard_id, p.id as owner
      from people p
      left join households h on h.id = p.household_id left join courtyards c on c.id = h.courtyard_id left join villages v on v.id = c.village_id
      left join lateral (select township_id, village_id from role_assignments r where r.person_id = p.id and r.ended_at is null order by r.created_at limit 1) ra on true
     where p.id = ${id}`,
  );

export const joinRequestAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select v.township_id, v.id as village_id, c.id as courtyard_id, j.person_id as owner
      from join_requests j join courtyards c on c.id = j.courtyard_id join villages v on v.id = c.village_id where j.id = ${id}`,
  );

export const notificationAccess = (db: Db, id: string) =>
  one(
    db,
    sql`select v.township_id, v.id as village_id, n.recipient_id as owner from notifications n left join villages v on v.id = n.village_id where n.id = ${id}`,
  );

export const inboxMessageAccess = (db: Db, id: string) => one(db, sql`select person_id as owner from inbox_messages where id = ${id}`);

export const rewardAccess = (db: Db, id: string) =>
  one(db, sql`select v.township_id, v.id as village_id from rewards r join villages v on v.id = r.village_id where r.id = ${id}`);

export const redemptionAccess = (db: Db, id: string) =>
  one(db, sql`select v.township_id, v.id as village_id, r.person_id as owner from redemptions r join villages v on v.id = r.village_id where r.id = ${id}`);

export const binAccess = (db: Db, code: string) =>
  one(db, sql`select v.township_id, v.id as village_id, b.state from bins b join villages v on v.id = b.village_id where b.code = ${code}`);

export const binReportAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select v.township_id, v.id as village_id, array(select bc.person_id from bin_cleaners bc where bc.bin_id = r.bin_id) as workers
      from bin_reports r join villages v on v.id = r.village_id where r.id = ${id}`,
  );

export const requestAccess = (db: Db, id: string) =>
  one(db, sql`select township_id, village_id, courtyard_id, requester_id as owner, level, state from requests where id = ${id}`);

export const sosAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select s.township_id, s.village_id, s.courtyard_id, s.caller_id as owner, s.ack_by as handler, s.state,
           array(select r.person_id from sos_recipients r where r.call_id = s.id
                 union select l.person_id from household_party_links l where l.household_id = s.household_id) as responders
      from sos_calls s where s.id = ${id}`,
  );

export const listingAccess = (db: Db, id: string) =>
  one(db, sql`select township_id, village_id, courtyard_id, seller_id as owner, state from listings where id = ${id}`);

export const jobAccess = (db: Db, id: string) =>
  one(db, sql`select township_id, village_id, courtyard_id, poster_id as owner, state from jobs where id = ${id}`);

export const intentAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select l.township_id, l.village_id, l.courtyard_id, i.buyer_id as owner, l.seller_id as counterpart, i.state
      from listing_intents i join listings l on l.id = i.listing_id where i.id = ${id}`,
  );

export const applicationAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select j.township_id, j.village_id, j.courtyard_id, a.worker_id as owner, j.poster_id as counterpart, a.state
      from job_applications a join jobs j on j.id = a.job_id where a.id = ${id}`,
  );

export const mediaAccess = (db: Db, id: string) =>
  one(
    db,
    sql`
    select coalesce(cv.township_id, v.township_id) as township_id, coalesce(c.village_id, m.village_id) as village_id, m.courtyard_id, m.owner_id as owner,
           exists (select 1 from bin_report_reporters where photo_id = m.id union all select 1 from bin_reports where close_photo_id = m.id) as on_bin_report
      from media m
      left join courtyards c on c.id = m.courtyard_id left join villages cv on cv.id = c.village_id
      left join villages v on v.id = m.village_id
     where m.id = ${id}`,
  );

/** The requests and listings whose photos (or thread photos) include this one. */
export async function objectsShowingMedia(db: Db, mediaId: string): Promise<{ requests: string[]; listings: string[] }> {
  const r = await db.execute(sql`
    select 'request' as kind, id from requests where ${mediaId}::uuid = any(photo_ids)
    union select 'request', request_id from request_messages where ${mediaId}::uuid = any(photo_ids)
    union select 'listing', id from listings where ${mediaId}::uuid = any(photo_ids)
    limit 40`);
  const rows = (r as unknown as { rows: { kind: string; id: string }[] }).rows;
  return { requests: rows.filter((x) => x.kind === 'request').map((x) => x.id), listings: rows.filter((x) => x.kind === 'listing').map((x) => x.id) };
}

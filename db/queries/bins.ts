import { and, asc, count, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { binCleaners, binReportReporters, binReports, bins, courtyards, people, villages } from '../schema';
import type { TBinKind, TBinReportState, TBinState } from '../../shared/domain/bin-report';

export type TBinRecord = {
  id: string;
  code: string;
  label: string;
  state: TBinState;
  lat: number;
  lng: number;
  villageId: string;
  villageName: string;
  townshipId: string;
  courtyardId: string | null;
  courtyardName: string | null;
};

export const binCols = {
  id: bins.id,
  code: bins.code,
  label: bins.label,
  state: bins.state,
  lat: bins.lat,
  lng: bins.lng,
  villageId: villages.id,
  villageName: villages.name,
  townshipId: villages.townshipId,
  courtyardId: courtyards.id,
  courtyardName: courtyards.name,
};

export async function findBinByCode(db: Db, code: string): Promise<TBinRecord | null> {
  const [r] = await db
    .select(binCols)
    .from(bins)
    .innerJoin(villages, eq(villages.id, bins.villageId))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .where(eq(bins.code, code));
  return r ?? null;
}

export type TBinReportRecord = {
  id: string;
  binId: string;
  binLabel: string;
  binCode: string;
  villageId: string;
  state: TBinReportState;
  kind: TBinKind;
  reporters: number;
  openedAt: Date;
  closedAt: Date | null;
};

const reportCols = {
  id: binReports.id,
  binId: binReports.binId,
  binLabel: bins.label,
  binCode: bins.code,
  villageId: binReports.villageId,
  state: binReports.state,
  kind: binReports.kind,
  reporters: binReports.reporters,
  openedAt: binReports.openedAt,
  closedAt: binReports.closedAt,
};

const selectReports = (db: Db) => db.select(reportCols).from(binReports).innerJoin(bins, eq(bins.id, binReports.binId));
const openOf = (binId: string) => and(eq(binReports.binId, binId), eq(binReports.state, 'open'));

export async function findOpenReport(db: Db, binId: string): Promise<TBinReportRecord | null> {
  const [r] = await selectReports(db).where(openOf(binId));
  return r ?? null;
}

export async function lockReport(db: Db, id: string): Promise<TBinReportRecord | null> {
  const [r] = await selectReports(db).where(eq(binReports.id, id)).for('update', { of: binReports });
  return r ?? null;
}

/** Opens a report; null when one is open already (the partial unique index), e.g. another scan opened it first. */
export async function insertOpenReport(db: Db, v: { binId: string; villageId: string; kind: TBinKind; openedAt: Date }): Promise<string | null> {
  const [r] = await db
    .insert(binReports)
    .values({ ...v, state: 'open', reporters: 0 })
    .onConflictDoNothing({ target: binReports.binId, where: sql`state = 'open'` })
    .returning({ id: binReports.id });
  return r?.id ?? null;
}

export type TScanTarget = TBinRecord & {
  /** this person's latest scan of this bin, if any */
  lastScanAt: Date | null;
  /** this person's scans of any bin since the day's start */
  scansToday: number;
  cleanerIds: string[];
};

const scanTargetRows = prepared((db, p: TPlaceholders<{ code: string; personId: string; since: string }>) =>
  db
    .select({
      ...binCols,
      lastScanAt: sql<string | Date | null>`(select max(s.created_at) from bin_report_reporters s where s.person_id = ${p.personId} and s.bin_id = ${bins.id})`,
      scansToday: sql<number>`(select count(*)::int from bin_report_reporters s where s.person_id = ${p.personId} and s.created_at >= ${p.since}::timestamptz)`,
      cleanerIds: sql<string[]>`array(select c.person_id::text from bin_cleaners c where c.bin_id = ${bins.id} order by c.person_id)`,
    })
    .from(bins)
    .innerJoin(villages, eq(villages.id, bins.villageId))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .where(eq(bins.code, p.code)),
);

/**
 * The bin a code names with what a scan of it needs, in one statement: the person's last scan
 * of it and their scans since `since` (the two scan limits), and its cleaners.
 */
export async function findScanTarget(db: Db, code: string, personId: string, since: Date): Promise<TScanTarget | null> {
  const [r] = await scanTargetRows(db, { code, personId, since: since.toISOString() });
  return r ? { ...r, lastScanAt: r.lastScanAt === null ? null : new Date(r.lastScanAt), scansToday: Number(r.scansToday) } : null;
}

const openOrJoinRows = prepared(
  (db, p: TPlaceholders<{ binId: string; villageId: string; kind: string; personId: string; photoId: string | null; at: string }>) =>
    db.execute(sql`
    with r as (
      insert into bin_reports as br (bin_id, village_id, state, kind, reporters, opened_at)
      values (${p.binId}::uuid, ${p.villageId}::uuid, 'open', ${p.kind}::text, 1, ${p.at}::timestamptz)
      on conflict (bin_id) where state = 'open' do update set reporters = br.reporters + 1
      returning br.id, br.state, br.kind, br.reporters, br.opened_at, br.closed_at, (br.xmax = 0) as opened
    ), p as (
      insert into bin_report_reporters (report_id, person_id, bin_id, position, kind, photo_id, created_at)
      select r.id, ${p.personId}::uuid, ${p.binId}::uuid, r.reporters, ${p.kind}::text, ${p.photoId}::uuid, ${p.at}::timestamptz from r
      on conflict do nothing
      returning position
    )
    select r.*, p.position from r left join p on true`),
);

export type TOpenedOrJoined = {
  id: string;
  state: TBinReportState;
  kind: TBinKind;
  /** reporters counting this scan (once per person) */
  reporters: number;
  openedAt: Date;
  closedAt: Date | null;
  /** this scan opened the report */
  opened: boolean;
};

/**
 * Opens the bin's report, or joins the open one, and adds the scan's reporter — one statement,
 * one lock: the insert meets the open report through the partial unique index and locks it by
 * counting the reporter (`do update`), so concurrent scans queue on that row, and a report
 * closed meanwhile makes the insert open a new one. A person already among the reporters is
 * not added again and the count is put back (the one rare extra statement).
 */
export async function openOrJoinReport(
  db: Db,
  v: { binId: string; villageId: string; kind: TBinKind; personId: string; photoId: string | null; at: Date },
): Promise<TOpenedOrJoined> {
  const res = await openOrJoinRows(db, { ...v, at: v.at.toISOString() });
  const r = (res as unknown as { rows: Record<string, unknown>[] }).rows[0];
  let reporters = Number(r.reporters);
  if (r.position === null) {
    await db
      .update(binReports)
      .set({ reporters: sql`${binReports.reporters} - 1` })
      .where(eq(binReports.id, r.id as string));
    reporters -= 1;
  }
  return {
    id: r.id as string,
    state: r.state as TBinReportState,
    kind: r.kind as TBinKind,
    reporters,
    openedAt: new Date(r.opened_at as string),
    closedAt: r.closed_at === null ? null : new Date(r.closed_at as string),
    opened: r.opened === true || r.opened === 't',
  };
}

export async function isReporter(db: Db, reportId: string, personId: string): Promise<boolean> {
  const [r] = await db
    .select({ n: count() })
    .from(binReportReporters)
    .where(and(eq(binReportReporters.reportId, reportId), eq(binReportReporters.personId, personId)));
  return Number(r.n) > 0;
}

export async function lastScanOfBin(db: Db, personId: string, binId: string): Promise<Date | null> {
  const [r] = await db
    .select({ at: sql<string | null>`max(${binReportReporters.createdAt})` })
    .from(binReportReporters)
    .where(and(eq(binReportReporters.personId, personId), eq(binReportReporters.binId, binId)));
  return r?.at ? new Date(r.at) : null;
}

/** Open reports of the bins a cleaner is assigned to. */
/** A cleaner's open reports, oldest first: what their route is made of (polled by the app). */
const openReportsOfCleaner = prepared((db, p: TPlaceholders<{ personId: string }>) =>
  db
    .select({
      reportId: binReports.id,
      binId: bins.id,
      label: bins.label,
      lat: bins.lat,
      lng: bins.lng,
      courtyard: courtyards.name,
      kind: binReports.kind,
      reporters: binReports.reporters,
      openedAt: binReports.openedAt,
      villageId: bins.villageId,
    })
    .from(binCleaners)
    .innerJoin(bins, eq(bins.id, binCleaners.binId))
    .innerJoin(binReports, and(eq(binReports.binId, bins.id), eq(binReports.state, 'open')))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .where(eq(binCleaners.personId, p.personId))
    .orderBy(asc(binReports.openedAt)),
);

export async function listOpenReportsOfCleaner(db: Db, personId: string) {
  return openReportsOfCleaner(db, { personId });
}

/** Every open report of a village's bins, oldest first, with the bins' cleaners' names. */
export async function listOpenReportsOfVillage(db: Db, villageId: string) {
  const rows = await db
    .select({
      reportId: binReports.id,
      binId: bins.id,
      label: bins.label,
      courtyard: courtyards.name,
      kind: binReports.kind,
      reporters: binReports.reporters,
      openedAt: binReports.openedAt,
      cleaner: people.name,
    })
    .from(binReports)
    .innerJoin(bins, eq(bins.id, binReports.binId))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .leftJoin(binCleaners, eq(binCleaners.binId, bins.id))
    .leftJoin(people, eq(people.id, binCleaners.personId))
    .where(and(eq(binReports.villageId, villageId), eq(binReports.state, 'open')))
    .orderBy(asc(binReports.openedAt), asc(binReports.id), asc(people.name));
  const out = new Map<string, Omit<(typeof rows)[number], 'cleaner'> & { cleaners: string[] }>();
  for (const { cleaner, ...r } of rows) {
    const o = out.get(r.reportId) ?? { ...r, cleaners: [] };
    if (cleaner) o.cleaners.push(cleaner);
    out.set(r.reportId, o);
  }
  return [...out.values()];
}

export async function closeReport(
  db: Db,
  id: string,
  state: Exclude<TBinReportState, 'open'>,
  by: string,
  at: Date,
  photoId: string | null = null,
): Promise<boolean> {
  const r = await db
    .update(binReports)
    .set({ state, closedAt: at, closedBy: by, closePhotoId: photoId })
    .where(and(eq(binReports.id, id), eq(binReports.state, 'open')))
    .returning({ id: binReports.id });
  return r.length === 1;
}

export async function listReporters(db: Db, reportId: string): Promise<{ personId: string; position: number }[]> {
  return db
    .select({ personId: binReportReporters.personId, position: binReportReporters.position })
    .from(binReportReporters)
    .where(eq(binReportReporters.reportId, reportId))
    .orderBy(asc(binReportReporters.position));
}

/** False reports this person opened (as first reporter) since `since`. */
export async function countFalseReportsOpenedBy(db: Db, personId: string, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(binReportReporters)
    .innerJoin(binReports, eq(binReports.id, binReportReporters.reportId))
    .where(and(eq(binReportReporters.personId, personId), eq(binReportReporters.position, 1), eq(binReports.state, 'false'), gte(binReports.closedAt, since)));
  return Number(r.n);
}

export async function findBinById(db: Db, id: string): Promise<TBinRecord | null> {
  const [r] = await db
    .select(binCols)
    .from(bins)
    .innerJoin(villages, eq(villages.id, bins.villageId))
    .leftJoin(courtyards, eq(courtyards.id, bins.courtyardId))
    .where(eq(bins.id, id));
  return r ?? null;
}

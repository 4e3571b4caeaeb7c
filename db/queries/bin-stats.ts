/** 爱环境统计: per-bin report figures, median minutes to clean, the bins cleaned each day and the village depot. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { villages } from '../schema';

/** Per-bin report figures since `since` (a cadre's dashboard; SQL aggregates over one village). */
export async function binReportStats(db: Db, villageId: string, since: Date) {
  const r = await db.execute(sql`
    select b.id, b.label,
           count(r.id)::int as reports,
           count(r.id) filter (where r.state = 'false')::int as false_reports,
           count(r.id) filter (where r.state = 'cleaned')::int as cleaned,
           percentile_cont(0.5) within group (order by extract(epoch from (r.closed_at - r.opened_at)) / 60)
             filter (where r.state = 'cleaned') as median_minutes
      from bins b left join bin_reports r on r.bin_id = b.id and r.opened_at >= ${since.toISOString()}::timestamptz
     where b.village_id = ${villageId}
     group by b.id, b.label
     order by count(r.id) desc, b.label`);
  return (r as unknown as { rows: Record<string, unknown>[] }).rows.map((x) => ({
    id: x.id as string,
    label: x.label as string,
    reports: Number(x.reports),
    falseReports: Number(x.false_reports),
    cleaned: Number(x.cleaned),
    medianMinutes: x.median_minutes === null ? null : Number(x.median_minutes),
  }));
}

export async function villageMedianMinutesToClean(db: Db, villageId: string, since: Date): Promise<number | null> {
  const r = await db.execute(sql`
    select percentile_cont(0.5) within group (order by extract(epoch from (closed_at - opened_at)) / 60) as m
      from bin_reports where village_id = ${villageId} and state = 'cleaned' and opened_at >= ${since.toISOString()}::timestamptz`);
  const m = (r as unknown as { rows: { m: unknown }[] }).rows[0]?.m;
  return m === null || m === undefined ? null : Number(m);
}

/** The bins cleaned on each China day since `since` (for the distance-saved estimate). */
export async function cleanedBinsByDay(db: Db, villageId: string, since: Date): Promise<{ day: string; lat: number; lng: number }[]> {
  const r = await db.execute(sql`
    select to_char(r.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, b.lat, b.lng
      from bin_reports r join bins b on b.id = r.bin_id
     where r.village_id = ${villageId} and r.state in ('cleaned', 'false') and r.closed_at >= ${since.toISOString()}::timestamptz`);
  return (r as unknown as { rows: { day: string; lat: number; lng: number }[] }).rows.map((x) => ({ day: x.day, lat: Number(x.lat), lng: Number(x.lng) }));
}

export async function findVillageDepotOf(db: Db, villageId: string): Promise<{ lat: number; lng: number } | null> {
  const [r] = await db.select({ lat: villages.depotLat, lng: villages.depotLng }).from(villages).where(eq(villages.id, villageId));
  return r && r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null;
}

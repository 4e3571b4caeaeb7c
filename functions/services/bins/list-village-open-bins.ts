import { listOpenReportsOfVillage } from '../../../db/queries/bins';
import { isReportOverdue } from '../../../shared/domain/bin-report';
import type { TSignedInContext } from '../context';

/**
 * 待清运 for a cadre's 工作台: how many of the village's bins are reported full and not yet
 * cleaned, how many of them past the overdue time, and the first `limit` of them, oldest (so
 * overdue) first. A village has tens of bins: all open reports are read, the list is cut.
 */
export async function listVillageOpenBins(ctx: TSignedInContext, villageId: string, limit: number) {
  const now = ctx.now();
  const open = (await listOpenReportsOfVillage(ctx.db, villageId)).map((r) => ({
    reportId: r.reportId,
    bin: { id: r.binId, label: r.label },
    courtyard: r.courtyard,
    kind: r.kind,
    reporters: r.reporters,
    openedAt: r.openedAt.toISOString(),
    overdue: isReportOverdue(r.openedAt, now),
    cleaners: r.cleaners,
  }));
  return { open: open.length, overdue: open.filter((r) => r.overdue).length, items: open.slice(0, limit) };
}

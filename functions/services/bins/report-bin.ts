import { addReporter, countScansSince, insertOpenReport, lastScanOfBin, listBinCleaners, lockOpenReport } from '../../../db/queries/bins';
import { REPORT_OVERDUE_MS, scanRefusal, type TBinKind } from '../../../shared/domain/bin-report';
import { chinaDayStart } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { assertOwnMedia } from '../media/get-media';
import { findUsableBin } from './find-usable-bin';
import { toBinReport } from './to-bin-report';

export const binOverdueKey = (reportId: string) => `bin-report-overdue:${reportId}`;

/**
 * 一键报满: in one transaction — refuse a repeat scan or a day over the cap (429), then open a
 * report or join the open one (reporter counted once). Only a new report tells the bin's
 * cleaners and starts the overdue timer, so a cleaner is told once per report, not per scan.
 */
export async function reportBin(ctx: TSignedInContext, code: string, kind: TBinKind, photoId?: string) {
  const personId = ctx.actor.personId;
  await assertOwnMedia(ctx, photoId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const bin = await findUsableBin(tx, code);
    const refusal = scanRefusal(await lastScanOfBin(tx, personId, bin.id), await countScansSince(tx, personId, chinaDayStart(now)), now);
    if (refusal) throw new AppError(refusal);
    let report = await lockOpenReport(tx, bin.id);
    let joined = true;
    if (!report) {
      const id = await insertOpenReport(tx, { binId: bin.id, villageId: bin.villageId, kind, openedAt: now });
      report = await lockOpenReport(tx, bin.id); // ours, or the one a concurrent scan opened first
      joined = id === null;
    }
    if (!report) throw new Error(`bin ${bin.id}: no open report after insert`);
    await addReporter(tx, report, personId, kind, now, photoId ?? null);
    if (!joined) {
      const cleaners = await listBinCleaners(tx, bin.id);
      await notify(
        ctx,
        tx,
        cleaners.map((c) => ({
          recipientId: c, template: 'bin_task' as const, dedupeKey: `bin-report:${report!.id}:task:${c}`,
          payload: { binLabel: bin.label, place: bin.courtyardName ?? bin.villageName, reportedAt: now.toISOString(), reportId: report!.id },
        })),
      );
      await scheduleJob(tx, { name: 'bin_report_overdue', key: binOverdueKey(report.id), runAt: new Date(now.getTime() + REPORT_OVERDUE_MS), payload: { reportId: report.id } }, now);
    }
    const fresh = (await lockOpenReport(tx, bin.id))!;
    return { report: toBinReport(fresh), joined };
  });
}

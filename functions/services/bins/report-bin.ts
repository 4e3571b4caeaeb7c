import { openOrJoinReport } from '../../../db/queries/bins';
import { REPORT_OVERDUE_MS, scanRefusal, type TBinKind } from '../../../shared/domain/bin-report';
import { chinaDayStart } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { assertOwnMedia } from '../media/get-media';
import { binOverdueKey } from './bin-overdue-key';
import { findUsableScanTarget } from './find-usable-bin';
import { toBinReport } from './to-bin-report';
import { ackKeys } from '../../../shared/domain/channel-policy';

/**
 * 一键报满: in one transaction — refuse a repeat scan or a day over the cap (429), then open a
 * report or join the open one (reporter counted once; one statement, one lock on the report). Only a new report tells the bin's
 * cleaners and starts the overdue timer, so a cleaner is told once per report, not per scan.
 */
export async function reportBin(ctx: TSignedInContext, code: string, kind: TBinKind, photoId?: string) {
  const personId = ctx.actor.personId;
  await assertOwnMedia(ctx, photoId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const bin = await findUsableScanTarget(tx, code, personId, chinaDayStart(now));
    const refusal = scanRefusal(bin.lastScanAt, bin.scansToday, now);
    if (refusal) throw new AppError(refusal);
    const report = await openOrJoinReport(tx, { binId: bin.id, villageId: bin.villageId, kind, personId, photoId: photoId ?? null, at: now });
    if (report.opened) {
      await notify(
        ctx,
        tx,
        bin.cleanerIds.map((c) => ({
          recipientId: c,
          template: 'bin_task' as const,
          dedupeKey: `bin-report:${report.id}:task:${c}`,
          ackKey: ackKeys.binReport(report.id),
          payload: { binLabel: bin.label, place: bin.courtyardName ?? bin.villageName, reportedAt: now.toISOString(), reportId: report.id },
        })),
      );
      await scheduleJob(
        tx,
        { name: 'bin_report_overdue', key: binOverdueKey(report.id), runAt: new Date(now.getTime() + REPORT_OVERDUE_MS), payload: { reportId: report.id } },
        now,
      );
    }
    return { report: toBinReport({ ...report, binId: bin.id, binLabel: bin.label, binCode: bin.code, villageId: bin.villageId }), joined: !report.opened };
  });
}

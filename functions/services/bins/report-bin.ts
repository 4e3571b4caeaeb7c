import type { Db } from '../../../db/client';
import {
  addReporter,
  countScansSince,
  insertOpenReport,
  lastScanOfBin,
  listBinCleaners,
  lockOpenReport,
  type TBinReportRecord,
} from '../../../db/queries/bins';
import { REPORT_OVERDUE_MS, scanRefusal, type TBinKind } from '../../../shared/domain/bin-report';
import { chinaDayStart } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { assertOwnMedia } from '../media/get-media';
import { binOverdueKey } from './bin-overdue-key';
import { findUsableBin } from './find-usable-bin';
import { toBinReport } from './to-bin-report';
import { ackKeys } from '../../../shared/domain/channel-policy';

/**
 * The bin's open report, locked for this scan, and whether this scan opened it. Opening is
 * tried first (the partial unique index turns it into nothing when a report is open), so the
 * report is read once. Only if the open report was closed between the two (a cleaner's
 * confirmation committing just then) is it tried again.
 */
async function openOrJoin(tx: Db, bin: { id: string; villageId: string }, kind: TBinKind, now: Date): Promise<{ report: TBinReportRecord; opened: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const opened = (await insertOpenReport(tx, { binId: bin.id, villageId: bin.villageId, kind, openedAt: now })) !== null;
    const report = await lockOpenReport(tx, bin.id);
    if (report) return { report, opened };
  }
  throw new Error(`bin ${bin.id}: no open report after insert`);
}

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
    const { report, opened } = await openOrJoin(tx, bin, kind, now);
    const position = await addReporter(tx, report, personId, kind, now, photoId ?? null);
    if (opened) {
      const cleaners = await listBinCleaners(tx, bin.id);
      await notify(
        ctx,
        tx,
        cleaners.map((c) => ({
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
    // addReporter counted this scan (or found it counted already): the locked row is otherwise as read
    return { report: toBinReport({ ...report, reporters: position ?? report.reporters }), joined: !opened };
  });
}

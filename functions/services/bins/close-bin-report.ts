import { closeReport, countFalseReportsOpenedBy, listReporters, lockReport } from '../../../db/queries/bins';
import { findPerson } from '../../../db/queries/people';
import { FALSE_REPORT_FLAG_COUNT, FALSE_REPORT_FLAG_WINDOW_MS, parseBinInput, type TBinReportState } from '../../../shared/domain/bin-report';
import { chinaMonth } from '../../../shared/domain/points';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { awardPoints } from '../points/award-points';
import { assertOwnMedia } from '../media/get-media';
import { binOverdueKey } from './bin-overdue-key';
import { notifyVillageCadres } from './notify-village-cadres';
import { toBinReport } from './to-bin-report';
import { ackKeys } from '../../../shared/domain/channel-policy';
import { acknowledgeByKey } from '../../../db/queries/notifications';

/**
 * 现场确认: the cleaner scans the bin's own QR (proof of presence). Cleaned → reporters earn
 * points through the ledger (first reporter by rule bin_report_first, later ones
 * bin_report_join), exactly once, and are told. False → nothing is awarded; a person who
 * opened several false reports lately is flagged to the village cadres.
 */
export async function closeBinReport(ctx: TSignedInContext, id: string, scanned: string, to: Exclude<TBinReportState, 'open'>, photoId?: string) {
  await assertOwnMedia(ctx, photoId);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockReport(tx, id);
    if (!r) throw new AppError('NOT_FOUND');
    if (parseBinInput(scanned) !== r.binCode) throw new AppError('WRONG_BIN');
    if (!(await closeReport(tx, id, to, ctx.actor.personId, now, photoId ?? null))) throw new AppError('REPORT_NOT_OPEN');
    await acknowledgeByKey(tx, ackKeys.binReport(id), now); // nobody needs the SMS any more
    await cancelJob(tx, binOverdueKey(id), now);
    const reporters = await listReporters(tx, id);
    if (to === 'cleaned') {
      for (const rep of reporters) {
        const { awarded } = await awardPoints(tx, {
          personId: rep.personId,
          eventKind: rep.position === 1 ? 'bin_report_first' : 'bin_report_join',
          source: { kind: 'bin_report', id },
          at: now,
        });
        await notify(ctx, tx, [
          {
            recipientId: rep.personId,
            template: 'bin_cleaned',
            payload: { binLabel: r.binLabel, points: awarded || null },
            dedupeKey: `bin-report:${id}:cleaned:${rep.personId}`,
          },
        ]);
      }
    } else if (reporters[0]) {
      const first = reporters[0].personId;
      const n = await countFalseReportsOpenedBy(tx, first, new Date(now.getTime() - FALSE_REPORT_FLAG_WINDOW_MS));
      if (n >= FALSE_REPORT_FLAG_COUNT) {
        const person = await findPerson(tx, first);
        await notifyVillageCadres(ctx, tx, r.villageId, (c) => ({
          template: 'false_reports',
          payload: { personName: person?.name ?? '', count: n, personId: first },
          dedupeKey: `false-reports:${first}:${chinaMonth(now)}:${c}`,
        }));
      }
    }
    return toBinReport((await lockReport(tx, id))!);
  });
}

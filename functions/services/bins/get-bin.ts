import { findOpenReport, isReporter, lastScanOfBin } from '../../../db/queries/bins';
import { nextReportAllowedAt } from '../../../shared/domain/bin-report';
import type { TSignedInContext } from '../context';
import { findUsableBin } from './find-usable-bin';

/** 扫码页: the bin, whether it is already reported (and by me), and when I may report it again. */
export async function getBin(ctx: TSignedInContext, code: string) {
  const bin = await findUsableBin(ctx.db, code);
  const open = await findOpenReport(ctx.db, bin.id);
  const myLast = await lastScanOfBin(ctx.db, ctx.actor.personId, bin.id);
  const myNext = nextReportAllowedAt(myLast, ctx.now());
  return {
    bin: {
      id: bin.id,
      label: bin.label,
      village: { id: bin.villageId, name: bin.villageName },
      courtyard: bin.courtyardId ? { id: bin.courtyardId, name: bin.courtyardName ?? '' } : null,
    },
    openReport: open ? { id: open.id, reporters: open.reporters, openedAt: open.openedAt.toISOString(), kind: open.kind } : null,
    reportedByMe: open ? await isReporter(ctx.db, open.id, ctx.actor.personId) : false,
    myLastReportAt: myLast ? myLast.toISOString() : null,
    myNextReportAt: myNext ? myNext.toISOString() : null,
  };
}

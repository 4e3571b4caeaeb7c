import { findOpenReport, isReporter } from '../../../db/queries/bins';
import type { TSignedInContext } from '../context';
import { findUsableBin } from './find-usable-bin';

/** 扫码页: the bin, and whether it is already reported (and by me). */
export async function getBin(ctx: TSignedInContext, code: string) {
  const bin = await findUsableBin(ctx.db, code);
  const open = await findOpenReport(ctx.db, bin.id);
  return {
    bin: {
      id: bin.id,
      label: bin.label,
      village: { id: bin.villageId, name: bin.villageName },
      courtyard: bin.courtyardId ? { id: bin.courtyardId, name: bin.courtyardName ?? '' } : null,
    },
    openReport: open ? { id: open.id, reporters: open.reporters, openedAt: open.openedAt.toISOString(), kind: open.kind } : null,
    reportedByMe: open ? await isReporter(ctx.db, open.id, ctx.actor.personId) : false,
  };
}

import type { TBinReportRecord } from '../../../db/queries/bins';
import type { TBinReport } from '../../../shared/contracts/bins';

export const toBinReport = (r: TBinReportRecord): TBinReport => ({
  id: r.id,
  bin: { id: r.binId, label: r.binLabel },
  state: r.state,
  kind: r.kind,
  reporters: r.reporters,
  openedAt: r.openedAt.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
});

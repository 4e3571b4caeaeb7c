import type { Db } from '../../../db/client';
import {
  allCourtyardTotals,
  findStanding,
  findTotal,
  householdCounts,
  subjectNames,
  topTotals,
  type TBoardKind,
  type TBoardScope,
} from '../../../db/queries/leaderboard';
import { findPersonPlace } from '../../../db/queries/org';
import { listActiveGrants } from '../../../db/queries/roles';
import type { TBoardResponse } from '../../../shared/contracts/points';
import { isStaff, STAFF_ROLES, type TRole } from '../../../shared/domain/roles';

type TRow = { id: string; total: number; households?: number; perHousehold?: number };

/** Competition ranking (1, 2, 2, 4) over rows already sorted by `score`. */
function ranked<T extends TRow>(rows: T[], score: (r: T) => number) {
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || score(r) !== score(rows[i - 1])) rank = i + 1;
    return { ...r, rank };
  });
}

/**
 * 挂榜: the top of a board from the maintained totals (an index range scan) and the caller's
 * own rank (an index range count). Courtyards may be ranked per household, computed over the
 * scope's courtyards (tens to a few hundred rows), never over the ledger.
 * 个人榜 is the villagers' board: people holding a 工作人员 role (STAFF_ROLES: 保洁员, 村干部,
 * 镇街管理员, 店员) are left off it and have no rank there; their points still count for their
 * household and courtyard. Every board ranks points earned (the totals), never the balance.
 */
export async function buildBoard(
  db: Db,
  q: {
    scope: TBoardScope;
    board: TBoardKind;
    period: string;
    limit: number;
    by: 'total' | 'perHousehold';
    personId: string;
    /** the caller's active roles when already loaded (with the session): not read again */
    roles?: readonly TRole[];
  },
): Promise<TBoardResponse> {
  // the caller's own entry: on the person board that is the caller (no lookup)
  const place = q.board === 'person' ? null : await findPersonPlace(db, q.personId);
  const mine = q.board === 'person' ? q.personId : q.board === 'household' ? place?.householdId : place?.courtyardId;

  if (q.board === 'courtyard' && q.by === 'perHousehold') {
    const all = await allCourtyardTotals(db, q.scope, q.period);
    const counts = await householdCounts(
      db,
      all.map((r) => r.subjectId),
    );
    const rows = all
      .map((r) => {
        const households = counts.get(r.subjectId) ?? 0;
        return { id: r.subjectId, total: r.total, households, perHousehold: households ? Math.round((r.total / households) * 10) / 10 : 0 };
      })
      .sort((a, b) => b.perHousehold - a.perHousehold || a.id.localeCompare(b.id));
    const withRank = ranked(rows, (r) => r.perHousehold);
    const names = await subjectNames(
      db,
      'courtyard',
      withRank.slice(0, q.limit).map((r) => r.id),
    );
    const me = mine ? withRank.find((r) => r.id === mine) : undefined;
    return {
      board: q.board,
      period: q.period,
      items: withRank.slice(0, q.limit).map((r) => ({ ...r, name: names.get(r.id) ?? '' })),
      me: mine ? { id: mine, rank: me?.rank ?? null, total: me?.total ?? 0 } : null,
    };
  }

  const except = q.board === 'person' ? STAFF_ROLES : [];
  const top = await topTotals(db, q.scope, q.board, q.period, q.limit, except);
  const withRank = ranked(
    top.map((r) => ({ id: r.subjectId, total: r.total, name: r.name })),
    (r) => r.total,
  );
  let me: TBoardResponse['me'] = null;
  if (mine) {
    const offBoard = q.board === 'person' && isStaff(q.roles ?? (await listActiveGrants(db, mine)).map((g) => g.role));
    if (offBoard) me = { id: mine, total: (await findTotal(db, q.board, mine, q.period)) ?? 0, rank: null };
    else {
      const standing = await findStanding(db, q.scope, q.board, q.period, mine, except);
      me = { id: mine, total: standing?.total ?? 0, rank: standing?.rank ?? null };
    }
  }
  return { board: q.board, period: q.period, items: withRank, me };
}

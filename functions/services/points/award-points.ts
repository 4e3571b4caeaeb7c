import type { Db } from '../../../db/client';
import { findPersonPlace } from '../../../db/queries/org';
import { sumSince } from '../../../db/queries/points-ledger';
import { findRule } from '../../../db/queries/points-rules';
import { chinaDayStart, pointsWithinCap } from '../../../shared/domain/points';
import type { TPointsEvent as TPointsEventKind } from '../../../shared/domain/points-events';
import { postPointsEntry } from './post-points-entry';

export type TPointsEvent = {
  personId: string;
  /** the village rule to apply, e.g. bin_report_first, bin_report_join, request_confirmed, meeting_attended */
  eventKind: TPointsEventKind;
  source: { kind: string; id: string };
  postedBy?: string | null;
  note?: string | null;
  at: Date;
};

/**
 * 按规则加分 — the one entry point later features call, inside their transaction: looks up the
 * village rule for the event kind, applies the daily cap, and posts once per (event, person).
 * No rule, or a cap already reached, awards nothing.
 */
export async function awardPoints(tx: Db, event: TPointsEvent): Promise<{ awarded: number }> {
  const place = await findPersonPlace(tx, event.personId);
  if (!place) return { awarded: 0 };
  const rule = await findRule(tx, place.villageId, event.eventKind);
  if (!rule || rule.points === 0) return { awarded: 0 };
  const reasonCode = `rule:${event.eventKind}`;
  const earnedToday = rule.dailyCap === null ? 0 : await sumSince(tx, event.personId, reasonCode, chinaDayStart(event.at));
  const amount = pointsWithinCap(rule.points, earnedToday, rule.dailyCap);
  if (amount === 0) return { awarded: 0 };
  const r = await postPointsEntry(tx, {
    personId: event.personId,
    amount,
    reasonCode,
    source: event.source,
    postedBy: event.postedBy ?? null,
    note: event.note ?? null,
    countsForBoard: true,
    idempotencyKey: `${reasonCode}:${event.source.kind}:${event.source.id}:${event.personId}`,
    at: event.at,
  });
  return { awarded: r.posted ? amount : 0 };
}

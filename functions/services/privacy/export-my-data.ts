import { exportPersonRows } from '../../../db/queries/privacy';
import type { TMyData } from '../../../shared/contracts/privacy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

const text = (v: unknown) => (v == null ? null : String(v));

/** 下载我的数据: everything stored about the caller, read in one snapshot. */
export async function exportMyData(ctx: TSignedInContext): Promise<TMyData> {
  return ctx.db.transaction(async (tx) => {
    const r = await exportPersonRows(tx, ctx.actor.personId);
    const p = r.person[0];
    if (!p) throw new AppError('UNAUTHENTICATED');
    const h = r.household[0];
    const { person: _p, household: _h, members, pointsBalance, ...rows } = r;
    return {
      exportedAt: ctx.now().toISOString(),
      person: {
        id: String(p.id),
        name: String(p.name),
        phone: text(p.phone),
        relation: text(p.relation),
        livesAlone: Boolean(p.lives_alone),
        elderly: Boolean(p.elderly),
        needsCare: Boolean(p.needs_care),
        sosEnabled: Boolean(p.sos_enabled),
        createdAt: String(p.created_at),
      },
      household: h
        ? {
            id: String(h.id),
            label: String(h.label),
            courtyard: String(h.courtyard),
            members: members.map((m) => ({ name: String(m.name), relation: text(m.relation) })),
          }
        : null,
      pointsBalance: Number(pointsBalance[0]?.balance ?? 0),
      ...rows,
    };
  });
}

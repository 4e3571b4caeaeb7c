import { addCredits, holdLongTerm, listCredits, listLongTerm } from '../../../db/queries/credits';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/**
 * 订阅上报: each WeChat template id the person accepted (requestSubscribeMessage → 'accept')
 * is one credit for its logical template, or, for a long-term template, a subscription that
 * lasts until WeChat says otherwise. Repeated reports are made safe by Idempotency-Key.
 */
export async function reportSubscriptions(ctx: TSignedInContext, accepted: string[]) {
  const byId = new Map(Object.entries(ctx.env.WECHAT_SUBSCRIBE_TEMPLATES).map(([name, t]) => [t.id, name]));
  const unknown = accepted.filter((id) => !byId.has(id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', { issues: unknown.map((id) => ({ path: 'body.accepted', message: `未知的订阅模板 ${id}` })) });
  await ctx.db.transaction(async (tx) => {
    for (const id of accepted) {
      const name = byId.get(id)!;
      if (ctx.env.WECHAT_SUBSCRIBE_TEMPLATES[name].longTerm) await holdLongTerm(tx, ctx.actor.personId, name, ctx.now());
      else await addCredits(tx, ctx.actor.personId, name, 1, ctx.now());
    }
  });
  return { credits: await listCredits(ctx.db, ctx.actor.personId), longTermHeld: await listLongTerm(ctx.db, ctx.actor.personId) };
}

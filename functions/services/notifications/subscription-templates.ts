import { listCredits, listLongTerm } from '../../../db/queries/credits';
import type { TSignedInContext } from '../context';

/** Logical template → WeChat template id (the client asks for these at the right taps), and my credits. */
export async function getSubscriptionTemplates(ctx: TSignedInContext) {
  const templates = Object.fromEntries(Object.entries(ctx.env.WECHAT_SUBSCRIBE_TEMPLATES).map(([name, t]) => [name, t.id]));
  const longTerm = Object.entries(ctx.env.WECHAT_SUBSCRIBE_TEMPLATES)
    .filter(([, t]) => t.longTerm)
    .map(([name]) => name);
  return { templates, credits: await listCredits(ctx.db, ctx.actor.personId), longTerm, longTermHeld: await listLongTerm(ctx.db, ctx.actor.personId) };
}

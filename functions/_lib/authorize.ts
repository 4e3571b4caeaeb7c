import { can, refusalReason, refusalStatus, type TAccessObject, type TAction, type TObjectKind } from '../../shared/domain/permissions';
import { AppError } from '../../shared/errors';
import { MISSING, resolveObject, SELF } from '../services/access/resolve-object';
import type { TSignedInContext } from '../services/context';

/** What a route acts on: the caller themself, or the object one path parameter names. */
export type TAccessRule<P extends string = string> = { action: TAction; on?: { kind: Exclude<TObjectKind, 'self'>; param: P } };

/**
 * The access step of every route: loads the object (its place and the people with a part in
 * it) and asks `can`. Missing → 404 (or the kind's own code); refused → 403 when the caller may
 * see the object, else 404, so outsiders learn nothing of what exists elsewhere.
 */
export async function authorize(ctx: TSignedInContext, rule: TAccessRule, params: Record<string, unknown>): Promise<TAccessObject> {
  const object = rule.on ? await resolveObject(ctx.db, { kind: rule.on.kind, id: String(params[rule.on.param]) }, ctx.actor.grants) : SELF;
  if (!object) throw new AppError((rule.on && MISSING[rule.on.kind]) ?? 'NOT_FOUND');
  if (!can(rule.action, ctx.actor, object)) {
    throw refusalStatus(rule.action, ctx.actor, object) === 403
      ? new AppError('FORBIDDEN', { message: refusalReason(rule.action) })
      : new AppError('NOT_FOUND');
  }
  return object;
}

import { authorize } from '../../functions/_lib/authorize';
import type { TSignedInContext } from '../../functions/services/context';
import type { TAction, TObjectKind } from '../../shared/domain/permissions';

/**
 * Calls a use case the way its route does: the access step first (`authorize`, the one rule),
 * then the use case. For service-level tests that assert who may act.
 */
export async function viaRoute<T>(
  ctx: TSignedInContext,
  action: TAction,
  kind: Exclude<TObjectKind, 'self'>,
  id: string,
  run: (ctx: TSignedInContext) => Promise<T>,
): Promise<T> {
  await authorize(ctx, { action, on: { kind, param: 'id' } }, { id });
  return run(ctx);
}

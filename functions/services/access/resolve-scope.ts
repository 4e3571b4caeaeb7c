import { courtyardScopePath, joinRequestScopePath, notificationScopePath, villageScopePath } from '../../../db/queries/scope';
import type { TScopePath } from '../../../shared/domain/access';
import type { TServiceContext } from '../context';

/** The kinds of object a route can name as the scope to check. */
export type TScopeRef = { kind: 'courtyard' | 'village' | 'joinRequest' | 'notification'; id: string };

/** Where the named object sits in the organisation; null when it does not exist. */
export async function resolveScope(ctx: TServiceContext, ref: TScopeRef): Promise<TScopePath | null> {
  switch (ref.kind) {
    case 'courtyard':
      return courtyardScopePath(ctx.db, ref.id);
    case 'village':
      return villageScopePath(ctx.db, ref.id);
    case 'joinRequest':
      return joinRequestScopePath(ctx.db, ref.id);
    case 'notification':
      return notificationScopePath(ctx.db, ref.id);
  }
}

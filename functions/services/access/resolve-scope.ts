import {
  courtyardScopePath, householdScopePath, joinRequestScopePath, notificationScopePath, personScopePath, redemptionScopePath,
  rewardScopePath, townshipScopePath, villageScopePath, binReportScopePath, binCodeScopePath,
} from '../../../db/queries/scope';
import { parseBinInput } from '../../../shared/domain/bin-report';
import type { TScopePath } from '../../../shared/domain/access';
import type { TServiceContext } from '../context';

/** The kinds of object a route can name as the scope to check. */
export type TScopeRef = { kind: 'township' | 'village' | 'courtyard' | 'household' | 'person' | 'joinRequest' | 'notification' | 'reward' | 'redemption' | 'binReport' | 'binCode'; id: string };

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
    case 'township':
      return townshipScopePath(ctx.db, ref.id);
    case 'household':
      return householdScopePath(ctx.db, ref.id);
    case 'person':
      return personScopePath(ctx.db, ref.id);
    case 'reward':
      return rewardScopePath(ctx.db, ref.id);
    case 'redemption':
      return redemptionScopePath(ctx.db, ref.id);
    case 'binReport':
      return binReportScopePath(ctx.db, ref.id);
    case 'binCode':
      return binCodeScopePath(ctx.db, parseBinInput(ref.id));
  }
}

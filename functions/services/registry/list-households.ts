import { listHouseholds as listRows } from '../../../db/queries/registry-households';
import type { TRegistryScope } from '../../../db/queries/registry';
import type { THouseholdQuery, TRegistryHousehold } from '../../../shared/contracts/registry';
import { decodeExactCursor, encodeExactCursor } from '../paging';
import type { TSignedInContext } from '../context';

/** 信息采集 by 户: one page of a place's households with their members, oldest first. */
export async function listHouseholds(
  ctx: TSignedInContext,
  scope: TRegistryScope,
  query: THouseholdQuery,
): Promise<{ items: TRegistryHousehold[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeExactCursor(query.cursor) : null;
  const rows = await listRows(ctx.db, { scope, q: query.q || undefined, courtyardId: query.courtyardId, villageId: query.villageId }, after, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((h) => ({
      id: h.id,
      label: h.label,
      courtyard: { id: h.courtyardId, name: h.courtyardName },
      village: { id: h.villageId, name: h.villageName },
      members: h.members,
    })),
    nextCursor: rows.length > query.limit && last ? encodeExactCursor(last) : null,
  };
}

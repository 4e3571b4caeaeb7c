import { listRegistry as listRows, type TRegistryScope } from '../../../db/queries/registry';
import type { TRegistryFilters, TRegistryPerson } from '../../../shared/contracts/registry';
import { decodeExactCursor, encodeExactCursor } from '../paging';
import type { TSignedInContext } from '../context';
import { registryWhere } from './registry-where';
import { toRegistryPerson } from './to-registry-person';

/** 信息采集: one page of a place's people matching the search and filters, oldest first. */
export async function listRegistry(
  ctx: TSignedInContext,
  scope: TRegistryScope,
  query: TRegistryFilters & { cursor?: string; limit: number },
): Promise<{ items: TRegistryPerson[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeExactCursor(query.cursor) : null;
  const rows = await listRows(ctx.db, registryWhere(scope, query), after, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map(toRegistryPerson), nextCursor: rows.length > query.limit && last ? encodeExactCursor(last) : null };
}

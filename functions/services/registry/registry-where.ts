import type { TRegistryScope, TRegistryWhere } from '../../../db/queries/registry';
import type { TRegistryFilters } from '../../../shared/contracts/registry';
import { REGISTRY_FLAGS, type TRegistryFlag } from '../../../shared/domain/registry-sheet';

/** The list's and the export's query → the registry filter (a flag filter is 'true' / 'false' / absent). */
export function registryWhere(scope: TRegistryScope, f: TRegistryFilters): TRegistryWhere {
  const flags: Partial<Record<TRegistryFlag, boolean>> = {};
  for (const k of REGISTRY_FLAGS) if (f[k] !== undefined) flags[k] = f[k] === 'true';
  return { scope, q: f.q || undefined, flags, courtyardId: f.courtyardId, villageId: f.villageId };
}

import type { Db } from '../../../db/client';
import { courtyardsByName, listVillageHouseholds, listVillageRegistry } from '../../../db/queries/registry-import';
import type { TVillageState } from './plan-import';

/**
 * What an import is checked against: the village's courtyards by name, its people, its
 * households. `onlyIds`: a chunk's check needs only the people it names (not the whole village
 * for each chunk).
 */
export async function loadVillage(db: Db, villageId: string, onlyIds?: readonly string[]): Promise<TVillageState> {
  // one after another: inside a transaction the statements share one connection
  const courtyards = await courtyardsByName(db, villageId);
  const people = await listVillageRegistry(db, villageId, onlyIds);
  const households = onlyIds ? new Set<string>() : await listVillageHouseholds(db, villageId);
  return { courtyards, people, households };
}

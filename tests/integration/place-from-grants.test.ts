import { randomUUID } from 'node:crypto';
import * as q from '../../db/queries/access';
import { listActiveGrants } from '../../db/queries/roles';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { placeFromGrants, type TObjectRef } from '../../functions/services/access/resolve-object';
import type { TRole } from '../../shared/domain/roles';
import { useTestDb } from '../helpers/db';

// The access step answers a township, village or courtyard that one of the caller's grants names
// from the grant instead of reading it. Whatever it answers must be what the read would have.

const db = useTestDb();
const d = () => db.handle().db;
let tree: TOrgTree;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
});

const read = { township: q.townshipAccess, village: q.villageAccess, courtyard: q.courtyardAccess } as const;

describe('a place from the caller’s grants', () => {
  const roles: { role: TRole; at: { village?: number; courtyard?: number } }[] = [
    { role: 'villager', at: { village: 1, courtyard: 1 } },
    { role: 'courtyard_head', at: { village: 0, courtyard: 1 } },
    { role: 'cleaner', at: { village: 1 } },
    { role: 'village_cadre', at: { village: 0 } },
    { role: 'township_staff', at: {} },
  ];

  it.each(roles)('$role: every place the grants name equals its row, and no other place is answered', async ({ role, at }) => {
    const { personId } = await createPersonWithRole(d(), tree, role, at);
    const grants = await listActiveGrants(d(), personId);
    expect(grants.length).toBeGreaterThan(0);
    const places: TObjectRef[] = [
      { kind: 'township', id: tree.townshipId },
      ...tree.villages.flatMap((v) => [{ kind: 'village' as const, id: v.id }, ...v.courtyards.map((c) => ({ kind: 'courtyard' as const, id: c.id }))]),
      { kind: 'village', id: randomUUID() },
    ];
    let answered = 0;
    for (const ref of places) {
      const fromGrants = placeFromGrants(ref, grants);
      if (!fromGrants) continue;
      answered++;
      expect({ ref, row: fromGrants }).toEqual({ ref, row: await read[ref.kind as keyof typeof read](d(), ref.id) });
    }
    // the grant's own scope is always one of them (its township at least)
    expect(answered).toBeGreaterThan(0);
  });

  it('answers nothing for other kinds, nor without grants', () => {
    expect(placeFromGrants({ kind: 'village', id: tree.villages[0].id }, [])).toBeNull();
    const g = [
      {
        role: 'villager' as const,
        scopeType: 'courtyard' as const,
        scopeId: tree.villages[0].courtyards[0].id,
        villageId: tree.villages[0].id,
        townshipId: tree.townshipId,
      },
    ];
    expect(placeFromGrants({ kind: 'household', id: tree.villages[0].courtyards[0].householdId }, g)).toBeNull();
    expect(placeFromGrants({ kind: 'courtyard', id: tree.villages[0].courtyards[1].id }, g)).toBeNull();
    expect(placeFromGrants({ kind: 'village', id: tree.villages[1].id }, g)).toBeNull();
  });
});

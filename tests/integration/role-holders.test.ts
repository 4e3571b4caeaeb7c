import type { Db } from '../../db/client';
import { listRoleHolders } from '../../db/queries/roles';
import { roleAssignments } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';

/** 角色持有人: the one query for "who holds this role here", at a courtyard, a village or a township. */
const db = useTestDb();
const d = (): Db => db.handle().db;
let tree: TOrgTree;
const p: Record<string, string> = {};
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  p.head = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 0 }, '院长甲')).personId;
  p.secondHead = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 0 }, '院长乙')).personId;
  p.otherHead = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 1 })).personId;
  p.cadre = (await createPersonWithRole(d(), tree, 'village_cadre', { village: 0 })).personId;
  p.otherCadre = (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId;
  p.cleaner = (await createPersonWithRole(d(), tree, 'cleaner', { village: 0 }, '保洁员')).personId;
  p.staff = (await createPersonWithRole(d(), tree, 'township_staff')).personId;
  p.villager = (await createPersonWithRole(d(), tree, 'villager', { courtyard: 0 })).personId;
  // a cadre whose grant has ended holds nothing any more
  p.former = (await createPersonWithRole(d(), tree, null)).personId;
  await d().insert(roleAssignments).values({
    personId: p.former,
    role: 'village_cadre',
    scopeType: 'village',
    townshipId: tree.townshipId,
    villageId: tree.villages[0].id,
    endedAt: new Date(),
  });
});

describe('listRoleHolders', () => {
  it("lists a courtyard's heads, oldest grant first, with name and phone, and not another courtyard's", async () => {
    const heads = await listRoleHolders(d(), 'courtyard_head', { type: 'courtyard', id: tree.villages[0].courtyards[0].id });
    expect(heads).toEqual([
      { id: p.head, name: '院长甲', phone: '13800000000' },
      { id: p.secondHead, name: '院长乙', phone: '13800000000' },
    ]);
  });

  it("lists a village's cadres and cleaners, leaving out ended grants and other villages", async () => {
    expect(ids(await listRoleHolders(d(), 'village_cadre', { type: 'village', id: tree.villages[0].id }))).toEqual([p.cadre]);
    expect(ids(await listRoleHolders(d(), 'village_cadre', { type: 'village', id: tree.villages[1].id }))).toEqual([p.otherCadre]);
    expect(await listRoleHolders(d(), 'cleaner', { type: 'village', id: tree.villages[0].id })).toEqual([
      { id: p.cleaner, name: '保洁员', phone: '13800000000' },
    ]);
  });

  it("lists a township's staff only, not everyone whose grant sits in the township", async () => {
    expect(ids(await listRoleHolders(d(), 'township_staff', { type: 'township', id: tree.townshipId }))).toEqual([p.staff]);
    expect(await listRoleHolders(d(), 'village_cadre', { type: 'township', id: tree.townshipId })).toEqual([]);
  });

  it('holds a grant to its exact scope: heads bound to courtyards are not holders at their village', async () => {
    expect(await listRoleHolders(d(), 'courtyard_head', { type: 'village', id: tree.villages[0].id })).toEqual([]);
    expect(await listRoleHolders(d(), 'cleaner', { type: 'courtyard', id: tree.villages[0].courtyards[0].id })).toEqual([]);
  });
});

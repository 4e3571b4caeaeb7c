import { eq, inArray } from 'drizzle-orm';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { courtyards, households, people } from '../../db/schema';
import type { TRegistryHousehold } from '../../shared/contracts/registry';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi, type TApiResponse } from '../helpers/api';

/**
 * 信息采集 by 户: a place's households with their members, searched by 户号 or a member's name,
 * paged, scoped like the people list. Expected households come from the tables this file
 * wrote, read here with plain selects, not by the query under test.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;

let tree: TOrgTree;
let cadre: string, otherCadre: string, head: string, staff: string;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  for (const v of tree.villages)
    for (const [ci, c] of v.courtyards.entries())
      for (let h = 2; h <= 4; h++) {
        const [hh] = await d()
          .insert(households)
          .values({ courtyardId: c.id, label: `${ci + 1}-${h}号` })
          .returning({ id: households.id });
        await d()
          .insert(people)
          .values([
            { name: `户主${ci}${h}`, householdId: hh.id, relation: '户主', elderly: h === 3 },
            { name: `家人${ci}${h}`, householdId: hh.id, relation: '子女' },
          ]);
      }
  cadre = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
  otherCadre = (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId;
  head = (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 0 })).personId;
  staff = (await createPersonWithRole(d(), tree, 'township_staff')).personId;
});

async function all(path: string, who: string): Promise<TRegistryHousehold[]> {
  const token = await tokenFor(d(), who);
  const out: TRegistryHousehold[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: TApiResponse = await api.call('GET', `${path}${sep}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** Household ids of courtyards, and each one's member ids, read straight from the tables. */
async function expected(courtyardIds: string[]) {
  const hs = await d().select({ id: households.id }).from(households).where(inArray(households.courtyardId, courtyardIds));
  const members = new Map<string, string[]>();
  for (const h of hs) members.set(h.id, (await d().select({ id: people.id }).from(people).where(eq(people.householdId, h.id))).map((p) => p.id).sort());
  return members;
}
const asMap = (xs: TRegistryHousehold[]) => new Map(xs.map((h) => [h.id, h.members.map((m) => m.id).sort()]));
const courtyardsOf = async (villageId: string) =>
  (await d().select({ id: courtyards.id }).from(courtyards).where(eq(courtyards.villageId, villageId))).map((c) => c.id);

it('a cadre pages through every household of the village with its members; township staff the township; a head the courtyard', async () => {
  const v0 = tree.villages[0];
  const list = await all(`/api/villages/${v0.id}/registry/households`, cadre);
  expect(list.length).toBe(new Set(list.map((h) => h.id)).size); // no household twice across pages
  expect(asMap(list)).toEqual(await expected(await courtyardsOf(v0.id)));
  expect(list.every((h) => h.village.id === v0.id)).toBe(true);
  const whole = await all(`/api/townships/${tree.townshipId}/registry/households`, staff);
  expect(asMap(whole)).toEqual(await expected([...(await courtyardsOf(v0.id)), ...(await courtyardsOf(tree.villages[1].id))]));
  const c0 = v0.courtyards[0].id;
  expect(asMap(await all(`/api/courtyards/${c0}/registry/households`, head))).toEqual(await expected([c0]));
});

it('finds households by 户号 or by a member’s name, within a courtyard filter', async () => {
  const v0 = tree.villages[0];
  const byLabel = await all(`/api/villages/${v0.id}/registry/households?q=${encodeURIComponent('1-3号')}`, cadre);
  expect(byLabel.map((h) => h.label)).toEqual(['1-3号']);
  expect(byLabel[0].members.map((m) => [m.name, m.relation, m.elderly])).toEqual([
    ['户主03', '户主', true],
    ['家人03', '子女', false],
  ]);
  const byName = await all(`/api/villages/${v0.id}/registry/households?q=${encodeURIComponent('家人14')}`, cadre);
  expect(byName.map((h) => h.label)).toEqual(['2-4号']);
  const c1 = v0.courtyards[1].id;
  const inCourtyard = await all(`/api/villages/${v0.id}/registry/households?courtyardId=${c1}&q=${encodeURIComponent('户主')}`, cadre);
  expect(inCourtyard.map((h) => h.label).sort()).toEqual(['2-2号', '2-3号', '2-4号']);
});

it('refuses another village’s cadre, a head outside the courtyard and a cadre on the township list', async () => {
  const v0 = tree.villages[0];
  for (const [who, path] of [
    [otherCadre, `/api/villages/${v0.id}/registry/households`],
    [head, `/api/villages/${v0.id}/registry/households`],
    [head, `/api/courtyards/${v0.courtyards[1].id}/registry/households`],
    [cadre, `/api/townships/${tree.townshipId}/registry/households`],
  ] as const) {
    const res = await api.call('GET', path, { token: await tokenFor(d(), who) });
    expect([403, 404]).toContain(res.status);
    expect(res.body.items).toBeUndefined();
  }
});

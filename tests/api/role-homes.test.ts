import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { insertOpenReport } from '../../db/queries/bins';
import { insertRoleAssignment } from '../../db/queries/roles';
import { ROLE_INFO, type TRole } from '../../shared/domain/roles';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { grantPoints } from '../helpers/points';

/**
 * Issue 14, every role's home: the cadre's 待清运 figure (GET /api/villages/{id}/open-bins) and
 * the villagers' 个人榜 without staff. Over HTTP through the real routes on a fresh township
 * of this file's own (the server database is shared).
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let tree: TOrgTree;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
});

/** A villager of `t`'s first courtyard who also holds `also` over its courtyard, village or township. */
async function villagerAlso(t: TOrgTree, also: TRole | null, name: string) {
  const { personId } = await createPersonWithRole(d(), t, 'villager', {}, name);
  if (also) {
    const scopeType = ROLE_INFO[also].scope;
    await insertRoleAssignment(d(), {
      personId,
      role: also,
      scopeType,
      townshipId: t.townshipId,
      villageId: scopeType === 'township' ? null : t.villages[0].id,
      courtyardId: scopeType === 'courtyard' ? t.villages[0].courtyards[0].id : null,
    });
  }
  return personId;
}

describe('待清运 on the cadre’s home', () => {
  it('counts the village’s open reports, overdue (over 4 hours) first, with the bins’ cleaners', async () => {
    const cleaner = (await createPersonWithRole(d(), tree, 'cleaner', {}, '保洁员甲')).personId;
    const cadre = (await createPersonWithRole(d(), tree, 'village_cadre')).personId;
    const villageId = tree.villages[0].id;
    const now = Date.now();
    const fresh = await createBin(d(), tree, [cleaner]);
    const old = await createBin(d(), tree, [cleaner]);
    const quiet = await createBin(d(), tree, []); // reported nothing
    const elsewhere = await createBin(d(), tree, [], undefined, 1); // the other village's bin
    void quiet;
    const freshId = await insertOpenReport(d(), { binId: fresh.id, villageId, kind: 'full', openedAt: new Date(now - 30 * 60e3) });
    const oldId = await insertOpenReport(d(), { binId: old.id, villageId, kind: 'overflow', openedAt: new Date(now - 5 * 3600e3) });
    await insertOpenReport(d(), { binId: elsewhere.id, villageId: tree.villages[1].id, kind: 'full', openedAt: new Date(now - 9 * 3600e3) });

    const res = await api.call('GET', `/api/villages/${villageId}/open-bins`, { token: await tokenFor(d(), cadre) });
    expect(res.status).toBe(200);
    expect({ open: res.body.open, overdue: res.body.overdue }).toEqual({ open: 2, overdue: 1 });
    expect(
      res.body.items.map((i: { reportId: string; overdue: boolean; kind: string; cleaners: string[] }) => [i.reportId, i.overdue, i.kind, i.cleaners]),
    ).toEqual([
      [oldId, true, 'overflow', ['保洁员甲']],
      [freshId, false, 'full', ['保洁员甲']],
    ]);

    const cut = await api.call('GET', `/api/villages/${villageId}/open-bins?limit=1`, { token: await tokenFor(d(), cadre) });
    expect({ open: cut.body.open, items: cut.body.items.length }).toEqual({ open: 2, items: 1 });
  });

  it('is for the village’s cadres and township staff: not its cleaner, a villager or the other village’s cadre', async () => {
    const villageId = tree.villages[0].id;
    const staff = (await createPersonWithRole(d(), tree, 'township_staff')).personId;
    expect((await api.call('GET', `/api/villages/${villageId}/open-bins`, { token: await tokenFor(d(), staff) })).status).toBe(200);
    const cleaner = (await createPersonWithRole(d(), tree, 'cleaner')).personId;
    const villager = (await createPersonWithRole(d(), tree, 'villager')).personId;
    const otherCadre = (await createPersonWithRole(d(), tree, 'village_cadre', { village: 1 })).personId;
    for (const who of [cleaner, villager, otherCadre]) {
      const res = await api.call('GET', `/api/villages/${villageId}/open-bins`, { token: await tokenFor(d(), who) });
      expect([403, 404]).toContain(res.status);
    }
  });
});

describe('个人榜 is the villagers’ board', () => {
  it('leaves out people holding a staff role (保洁员, 村干部, 镇街管理员, 店员) and keeps 院长; their points still count for the household', async () => {
    const t = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const plain = await villagerAlso(t, null, '村民');
    const head = await villagerAlso(t, 'courtyard_head', '院长');
    const cleaner = await villagerAlso(t, 'cleaner', '保洁员');
    const cadre = await villagerAlso(t, 'village_cadre', '村干部');
    const shop = await villagerAlso(t, 'shopkeeper', '店员');
    const township = await villagerAlso(t, 'township_staff', '镇街');
    await grantPoints(d(), plain, 10);
    await grantPoints(d(), head, 20);
    await grantPoints(d(), cleaner, 90);
    await grantPoints(d(), cadre, 80);
    await grantPoints(d(), shop, 70);
    await grantPoints(d(), township, 60);
    const villageId = t.villages[0].id;

    const asPlain = await api.call('GET', `/api/villages/${villageId}/leaderboard?board=person&period=all`, { token: await tokenFor(d(), plain) });
    expect(asPlain.status).toBe(200);
    expect(asPlain.body.items.map((i: { name: string; total: number; rank: number }) => [i.name, i.total, i.rank])).toEqual([
      ['院长', 20, 1],
      ['村民', 10, 2],
    ]);
    expect(asPlain.body.me).toEqual({ id: plain, total: 10, rank: 2 }); // staff above her do not push her down

    const asCleaner = await api.call('GET', `/api/villages/${villageId}/leaderboard?board=person&period=all`, { token: await tokenFor(d(), cleaner) });
    expect(asCleaner.body.me).toEqual({ id: cleaner, total: 90, rank: null });
    expect(asCleaner.body.items.map((i: { id: string }) => i.id)).toEqual([head, plain]);

    // the household board counts everyone's points earned (the factory puts them in one household)
    const hh = await api.call('GET', `/api/villages/${villageId}/leaderboard?board=household&period=all`, { token: await tokenFor(d(), plain) });
    expect(hh.body.items.map((i: { total: number }) => i.total)).toEqual([330]);
  });
});

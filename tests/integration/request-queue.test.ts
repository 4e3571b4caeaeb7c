import type { Db } from '../../db/client';
import { requestFigures } from '../../db/queries/request-desk';
import { insertRequest, listQueue } from '../../db/queries/requests';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import type { TGrant } from '../../shared/domain/access';
import { queueSlices, REQUEST_FIGURE_BUCKETS, REQUEST_QUEUE_FILTERS, type TRequestLevel, type TRequestState } from '../../shared/domain/requests';
import { useTestDb } from '../helpers/db';

/** 待办 and 统计 with the tier rule decided in shared/domain: the queries only filter by what they are given. */
const db = useTestDb();
const d = (): Db => db.handle().db;
let tree: TOrgTree;
const made: Record<string, string> = {};
let seq = 0;

async function request(key: string, level: TRequestLevel, state: TRequestState, at: { village: number; courtyard: number }) {
  const v = tree.villages[at.village];
  const requester = (await createPersonWithRole(d(), tree, 'villager', at)).personId;
  made[key] = await insertRequest(d(), {
    requesterId: requester,
    householdId: null,
    courtyardId: v.courtyards[at.courtyard].id,
    villageId: v.id,
    townshipId: tree.townshipId,
    ticketYear: 2026,
    ticketSeq: ++seq,
    category: 'other',
    text: key,
    place: null,
    photoIds: [],
    state,
    level,
    dueAt: null,
    createdAt: new Date(),
  });
}

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  await request('private-c0', 'private', 'submitted', { village: 0, courtyard: 0 });
  await request('small-c0', 'courtyard', 'accepted', { village: 0, courtyard: 0 });
  await request('small-c1', 'courtyard', 'submitted', { village: 0, courtyard: 1 });
  await request('big-v0', 'village', 'escalated_village', { village: 0, courtyard: 0 });
  await request('big-v1', 'village', 'escalated_village', { village: 1, courtyard: 0 });
  await request('hard', 'township', 'escalated_township', { village: 1, courtyard: 1 });
  await request('closed-c0', 'courtyard', 'closed', { village: 0, courtyard: 0 });
});

const g = (role: TGrant['role'], scopeType: TGrant['scopeType'], scopeId: string): TGrant => ({ role, scopeType, scopeId });
const queue = async (grants: TGrant[], filter: keyof typeof REQUEST_QUEUE_FILTERS = 'open') =>
  (await listQueue(d(), queueSlices(grants), REQUEST_QUEUE_FILTERS[filter], 50)).map((r) => r.text).sort();

describe('待办 queue', () => {
  it("gives a head their courtyard's 私事 and 小事 only — not the village's 大事, not the next courtyard's", async () => {
    expect(await queue([g('courtyard_head', 'courtyard', tree.villages[0].courtyards[0].id)])).toEqual(['private-c0', 'small-c0']);
  });

  it("gives a cadre their village's 大事, township staff the 难事, and a head who is also a cadre both", async () => {
    expect(await queue([g('village_cadre', 'village', tree.villages[0].id)])).toEqual(['big-v0']);
    expect(await queue([g('township_staff', 'township', tree.townshipId)])).toEqual(['hard']);
    expect(await queue([g('courtyard_head', 'courtyard', tree.villages[0].courtyards[1].id), g('village_cadre', 'village', tree.villages[1].id)])).toEqual([
      'big-v1',
      'small-c1',
    ]);
  });

  it('filters by state and gives a villager no queue at all', async () => {
    const head = [g('courtyard_head', 'courtyard', tree.villages[0].courtyards[0].id)];
    expect(await queue(head, 'waiting')).toEqual(['private-c0']);
    expect(await queue(head, 'closed')).toEqual(['closed-c0']);
    expect(await queue([g('villager', 'courtyard', tree.villages[0].courtyards[0].id)], 'all')).toEqual([]);
  });
});

describe('统计 figures', () => {
  it('count open, escalated (大事 and 难事) and resolved as the domain says, per courtyard', async () => {
    const rows = await requestFigures(d(), { villageId: tree.villages[0].id }, new Date(0), new Date(), REQUEST_FIGURE_BUCKETS);
    const [c0, c1] = rows;
    expect({ total: c0.total, open: c0.open, escalated: c0.escalated, resolved: c0.resolved }).toEqual({ total: 4, open: 3, escalated: 1, resolved: 1 });
    expect({ total: c1.total, open: c1.open, escalated: c1.escalated, resolved: c1.resolved }).toEqual({ total: 1, open: 1, escalated: 0, resolved: 0 });
    const township = await requestFigures(d(), { townshipId: tree.townshipId }, new Date(0), new Date(), REQUEST_FIGURE_BUCKETS);
    expect(township.map((v) => v.escalated)).toEqual([1, 2]);
  });
});

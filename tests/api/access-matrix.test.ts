import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { households, people } from '../../db/schema';
import { redeemReward } from '../../functions/services/points/redeem-reward';
import { ALL_ROLES } from '../../shared/domain/roles';
import { grantPoints } from '../helpers/points';
import { reportBin } from '../../functions/services/bins/report-bin';
import { createBin, createOrgTree, createPendingJoinRequest, createPersonWithRole, createReward, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/contracts/common';
import { useTestDb } from '../helpers/db';
import { personCtx } from '../helpers/work';
import { tokenFor, useApi } from '../helpers/api';

/**
 * The access matrix: every scoped route, called as every role, against objects in the
 * caller's own courtyard, another courtyard of the village, another village and another
 * township. Allowed only where the route's roles and the role's scope both say so.
 * Later issues add their routes to ROUTES.
 */
const db = useTestDb();
const api = useApi();

type TTarget = 'own courtyard' | 'other courtyard' | 'other village' | 'other township';
const TARGETS: TTarget[] = ['own courtyard', 'other courtyard', 'other village', 'other township'];
const ROLES: TRole[] = ['villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff', 'shopkeeper'];

/** Which targets a role's scope reaches (the caller sits in village 0, courtyard 0 of tree A). */
const REACH: Record<TRole, TTarget[]> = {
  villager: ['own courtyard'],
  courtyard_head: ['own courtyard'],
  cleaner: ['own courtyard', 'other courtyard'],
  village_cadre: ['own courtyard', 'other courtyard'],
  township_staff: ['own courtyard', 'other courtyard', 'other village'],
  shopkeeper: ['own courtyard', 'other courtyard'],
};

type TCall = { method: string; path: string; body?: unknown };
/** The objects of one target: its courtyard and village, a pending join request, a failed notification, an inbox message. */
type TObjects = {
  courtyardId: string;
  villageId: string;
  townshipId: string;
  requestId: string;
  notificationId: string;
  inboxId: string;
  personId: string;
  householdId: string;
  rewardId: string;
  redemptionId: string;
  pickupCode: string;
  binReportId: string;
  binCode: string;
};
const ROUTES: { name: string; roles: TRole[]; call: (o: TObjects) => TCall; okStatus: number | number[]; reach?: 'within' }[] = [
  {
    name: 'create invite',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 201,
    call: (o) => ({ method: 'POST', path: `/api/courtyards/${o.courtyardId}/invites`, body: {} }),
  },
  {
    name: 'list join requests',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/courtyards/${o.courtyardId}/join-requests` }),
  },
  {
    name: 'approve join request',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/join-requests/${o.requestId}/approve`, body: {} }),
  },
  {
    name: 'reject join request',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/join-requests/${o.requestId}/reject`, body: { reason: '测试' } }),
  },
  { name: 'withdraw join request', roles: [], okStatus: 200, call: (o) => ({ method: 'POST', path: `/api/join-requests/${o.requestId}/withdraw`, body: {} }) },
  {
    name: 'list village notifications',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/notifications` }),
  },
  {
    name: 'retry notification',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/notifications/${o.notificationId}/retry`, body: {} }),
  },
  { name: 'mark inbox message read', roles: [], okStatus: 200, call: (o) => ({ method: 'POST', path: `/api/inbox/${o.inboxId}/read`, body: {} }) },
  {
    name: 'list courtyard people',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/courtyards/${o.courtyardId}/people` }),
  },
  {
    name: 'adjust points',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 201,
    call: (o) => ({ method: 'POST', path: `/api/people/${o.personId}/points`, body: { amount: 5, reason: '测试' } }),
  },
  {
    name: 'read household points',
    roles: ['courtyard_head', 'village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/households/${o.householdId}/points` }),
  },
  {
    name: 'read points rules',
    roles: ALL_ROLES,
    reach: 'within',
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/points-rules` }),
  },
  {
    name: 'change a points rule',
    roles: ['village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'PUT', path: `/api/villages/${o.villageId}/points-rules/volunteer`, body: { points: 3, dailyCap: null } }),
  },
  {
    name: 'change shop settings',
    roles: ['village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'PUT', path: `/api/villages/${o.villageId}/points-settings`, body: { redemptionExpiryDays: 5 } }),
  },
  { name: 'list rewards', roles: ALL_ROLES, reach: 'within', okStatus: 200, call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/rewards` }) },
  {
    name: 'create reward',
    roles: ['village_cadre'],
    okStatus: 201,
    call: (o) => ({ method: 'POST', path: `/api/villages/${o.villageId}/rewards`, body: { name: '香皂', price: 5, stock: 3 } }),
  },
  {
    name: 'update reward',
    roles: ['village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'PATCH', path: `/api/rewards/${o.rewardId}`, body: { stock: 9 } }),
  },
  {
    name: 'redeem reward',
    roles: ALL_ROLES,
    reach: 'within',
    okStatus: [201, 409],
    call: (o) => ({ method: 'POST', path: `/api/rewards/${o.rewardId}/redeem`, body: {} }),
  },
  {
    name: 'cancel redemption',
    roles: ['village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/redemptions/${o.redemptionId}/cancel`, body: {} }),
  },
  {
    name: 'hand over by pickup code',
    roles: ['shopkeeper', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/villages/${o.villageId}/handover`, body: { pickupCode: o.pickupCode } }),
  },
  {
    name: 'list village redemptions',
    roles: ['shopkeeper', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/redemptions` }),
  },
  {
    name: 'village leaderboard',
    roles: ALL_ROLES,
    reach: 'within',
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/leaderboard?board=household` }),
  },
  {
    name: 'confirm a bin cleaned',
    roles: ['cleaner'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/bin-reports/${o.binReportId}/clean`, body: { code: o.binCode } }),
  },
  {
    name: 'mark a bin report false',
    roles: ['cleaner'],
    okStatus: 200,
    call: (o) => ({ method: 'POST', path: `/api/bin-reports/${o.binReportId}/false`, body: { code: o.binCode } }),
  },
  {
    name: 'list village bins',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/bins` }),
  },
  {
    name: 'create a bin',
    roles: ['village_cadre'],
    okStatus: 201,
    call: (o) => ({ method: 'POST', path: `/api/villages/${o.villageId}/bins`, body: { label: `桶${randomUUID().slice(0, 6)}`, lat: 29.5, lng: 106.4 } }),
  },
  { name: 'move a bin', roles: ['village_cadre'], okStatus: 200, call: (o) => ({ method: 'PATCH', path: `/api/bins/${o.binCode}`, body: { lat: 29.51 } }) },
  {
    name: 'import bins',
    roles: ['village_cadre'],
    okStatus: 201,
    call: (o) => ({ method: 'POST', path: `/api/villages/${o.villageId}/bins/import`, body: { csv: `导入${randomUUID().slice(0, 6)},29.5,106.4,` } }),
  },
  {
    name: 'list village courtyards',
    roles: ['village_cadre', 'township_staff', 'shopkeeper'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/courtyards` }),
  },
  {
    name: 'list village cleaners',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/cleaners` }),
  },
  {
    name: 'bin figures',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/bin-stats` }),
  },
  {
    name: 'bins waiting to be cleaned (工作台)',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/open-bins` }),
  },
  {
    name: 'list township villages',
    roles: ['township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/townships/${o.townshipId}/villages` }),
  },
  {
    name: 'township leaderboard',
    roles: ['township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/townships/${o.townshipId}/leaderboard` }),
  },
  {
    name: 'request figures of a village',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/request-stats` }),
  },
  {
    name: 'request figures of a township',
    roles: ['township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/townships/${o.townshipId}/request-stats` }),
  },
  {
    name: '找院长 desk list of a courtyard',
    roles: ['courtyard_head', 'village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/courtyards/${o.courtyardId}/requests` }),
  },
  {
    name: '找院长 desk export of a village',
    roles: ['village_cadre', 'township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/requests/export?format=csv` }),
  },
  {
    name: '找院长 desk list of a township',
    roles: ['township_staff'],
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/townships/${o.townshipId}/requests` }),
  },
  {
    name: 'read request time limits',
    roles: ALL_ROLES,
    reach: 'within',
    okStatus: 200,
    call: (o) => ({ method: 'GET', path: `/api/villages/${o.villageId}/request-settings` }),
  },
  {
    name: 'change request time limits',
    roles: ['village_cadre'],
    okStatus: 200,
    call: (o) => ({
      method: 'PUT',
      path: `/api/villages/${o.villageId}/request-settings`,
      body: { acceptHours: 24, resolveHours: 168, reopenDays: 7, sosAckMinutes: 5 },
    }),
  },
  {
    name: 'link a party member to a household',
    roles: ['courtyard_head', 'village_cadre'],
    okStatus: 200,
    call: (o) => ({ method: 'PUT', path: `/api/households/${o.householdId}/party-member`, body: { personId: null } }),
  },
];

/** Where a member (reach 'within') of tree A's village 0 belongs: their village's things, not others'. */
const WITHIN: Record<TRole, TTarget[]> = {
  villager: ['own courtyard', 'other courtyard'],
  courtyard_head: ['own courtyard', 'other courtyard'],
  cleaner: ['own courtyard', 'other courtyard'],
  village_cadre: ['own courtyard', 'other courtyard'],
  shopkeeper: ['own courtyard', 'other courtyard'],
  township_staff: ['own courtyard', 'other courtyard', 'other village'],
};

let a: TOrgTree;
let cleanerId: string;
let b: TOrgTree;
const tokens = {} as Record<TRole, string>;
const placeOf = (t: TTarget) =>
  ({
    'own courtyard': { townshipId: a.townshipId, villageId: a.villages[0].id, courtyardId: a.villages[0].courtyards[0].id },
    'other courtyard': { townshipId: a.townshipId, villageId: a.villages[0].id, courtyardId: a.villages[0].courtyards[1].id },
    'other village': { townshipId: a.townshipId, villageId: a.villages[1].id, courtyardId: a.villages[1].courtyards[0].id },
    'other township': { townshipId: b.townshipId, villageId: b.villages[0].id, courtyardId: b.villages[0].courtyards[0].id },
  })[t];
const courtyardOf = (t: TTarget) => placeOf(t).courtyardId;

/** Fresh objects at the target, owned by someone else living there. */
async function objectsAt(t: TTarget): Promise<TObjects> {
  const d = db.handle().db;
  const place = placeOf(t);
  const other = (await createPersonWithRole(d, a, null)).personId;
  const request = await createPendingJoinRequest(d, place.courtyardId, other);
  const n = await d.execute(sql`insert into notifications (recipient_id, village_id, template, payload, state, attempts, last_error)
    values (${other}, ${place.villageId}, 'bin_task', '{}'::jsonb, 'failed', 8, 'x') returning id`);
  const notificationId = (n as unknown as { rows: { id: string }[] }).rows[0].id;
  const m = await d.execute(sql`insert into inbox_messages (notification_id, person_id, template, title, body, created_at)
    values (${notificationId}, ${other}, 'bin_task', 't', 'b', now()) returning id`);
  // a household of its own (so no caller is a member), a resident with points, a reward and a live redemption
  const [hh] = await d
    .insert(households)
    .values({ courtyardId: place.courtyardId, label: `矩阵${randomUUID().slice(0, 6)}` })
    .returning({ id: households.id });
  const [resident] = await d.insert(people).values({ name: '住户', householdId: hh.id }).returning({ id: people.id });
  await grantPoints(d, resident.id, 50);
  const reward = await createReward(d, {
    villageId: place.villageId,
    name: '盐',
    price: 10,
    stock: 5,
    createdBy: resident.id,
  });
  const redemption = await redeemReward(personCtx(d, resident.id), reward.id);
  // a bin assigned to the matrix's cleaner, with an open report by the resident
  const bin = await createBin(
    d,
    { townshipId: place.townshipId, villages: [{ id: place.villageId, courtyards: [{ id: place.courtyardId, householdId: hh.id }] }] },
    [cleanerId],
  );
  const report = await reportBin(personCtx(d, resident.id), bin.code, 'full');
  return {
    ...place,
    binReportId: report.report.id,
    binCode: bin.code,
    requestId: request.id,
    notificationId,
    inboxId: (m as unknown as { rows: { id: string }[] }).rows[0].id,
    personId: resident.id,
    householdId: hh.id,
    rewardId: reward.id,
    redemptionId: redemption.id,
    pickupCode: redemption.pickupCode,
  };
}

beforeAll(async () => {
  const d = db.handle().db;
  a = await createOrgTree(d);
  b = await createOrgTree(d);
  for (const role of ROLES) {
    const p = (await createPersonWithRole(d, a, role)).personId;
    tokens[role] = await tokenFor(d, p);
    if (role === 'cleaner') cleanerId = p;
  }
});

const cases = ROUTES.flatMap((route) => ROLES.flatMap((role) => TARGETS.map((target) => [route.name, role, target] as const)));

describe('access matrix', () => {
  it.each(cases)('%s as %s on %s', async (routeName, role, target) => {
    const route = ROUTES.find((r) => r.name === routeName)!;
    const c = route.call(await objectsAt(target));
    const r = await api.call(c.method, c.path, { token: tokens[role], body: c.body });
    const allowed = route.roles.includes(role) && (route.reach === 'within' ? WITHIN : REACH)[role].includes(target);
    if (allowed) expect([route.okStatus].flat()).toContain(r.status);
    else expect([403, 404]).toContain(r.status);
  });

  it('lets nobody but the applicant see their requests in /mine', async () => {
    const req = await createPendingJoinRequest(db.handle().db, courtyardOf('own courtyard'), (await createPersonWithRole(db.handle().db, a, null)).personId);
    for (const role of ROLES) {
      const mine = await api.call('GET', '/api/join-requests/mine', { token: tokens[role] });
      expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(req.id);
    }
    const own = await api.call('POST', `/api/join-requests/${req.id}/withdraw`, { token: await tokenFor(db.handle().db, req.personId), body: {} });
    expect(own.status).toBe(200);
  });
});

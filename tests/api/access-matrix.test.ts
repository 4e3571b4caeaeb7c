import { createOrgTree, createPendingJoinRequest, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/contracts/common';
import { useTestDb } from '../helpers/db';
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
const ROLES: TRole[] = ['villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff'];

/** Which targets a role's scope reaches (the caller sits in village 0, courtyard 0 of tree A). */
const REACH: Record<TRole, TTarget[]> = {
  villager: ['own courtyard'],
  courtyard_head: ['own courtyard'],
  cleaner: ['own courtyard', 'other courtyard'],
  village_cadre: ['own courtyard', 'other courtyard'],
  township_staff: ['own courtyard', 'other courtyard', 'other village'],
};

type TCall = { method: string; path: string; body?: unknown };
const ROUTES: { name: string; roles: TRole[]; call: (courtyardId: string, requestId: string) => TCall; okStatus: number }[] = [
  { name: 'create invite', roles: ['courtyard_head', 'village_cadre'], okStatus: 201, call: (c) => ({ method: 'POST', path: `/api/courtyards/${c}/invites`, body: {} }) },
  { name: 'list join requests', roles: ['courtyard_head', 'village_cadre'], okStatus: 200, call: (c) => ({ method: 'GET', path: `/api/courtyards/${c}/join-requests` }) },
  { name: 'approve join request', roles: ['courtyard_head', 'village_cadre'], okStatus: 200, call: (_, r) => ({ method: 'POST', path: `/api/join-requests/${r}/approve`, body: {} }) },
  { name: 'reject join request', roles: ['courtyard_head', 'village_cadre'], okStatus: 200, call: (_, r) => ({ method: 'POST', path: `/api/join-requests/${r}/reject`, body: { reason: '测试' } }) },
  { name: 'withdraw join request', roles: [], okStatus: 200, call: (_, r) => ({ method: 'POST', path: `/api/join-requests/${r}/withdraw`, body: {} }) },
];

let a: TOrgTree;
let b: TOrgTree;
const tokens = {} as Record<TRole, string>;
const courtyardOf = (t: TTarget) =>
  ({
    'own courtyard': a.villages[0].courtyards[0].id,
    'other courtyard': a.villages[0].courtyards[1].id,
    'other village': a.villages[1].courtyards[0].id,
    'other township': b.villages[0].courtyards[0].id,
  })[t];

beforeAll(async () => {
  const d = db.handle().db;
  a = await createOrgTree(d);
  b = await createOrgTree(d);
  for (const role of ROLES) tokens[role] = await tokenFor(d, (await createPersonWithRole(d, a, role)).personId);
});

const cases = ROUTES.flatMap((route) => ROLES.flatMap((role) => TARGETS.map((target) => [route.name, role, target] as const)));

describe('access matrix', () => {
  it.each(cases)('%s as %s on %s', async (routeName, role, target) => {
    const route = ROUTES.find((r) => r.name === routeName)!;
    const courtyardId = courtyardOf(target);
    const request = await createPendingJoinRequest(db.handle().db, courtyardId, (await createPersonWithRole(db.handle().db, a, null)).personId);
    const c = route.call(courtyardId, request.id);
    const r = await api.call(c.method, c.path, { token: tokens[role], body: c.body });
    const allowed = route.roles.includes(role) && REACH[role].includes(target);
    if (allowed) expect(r.status).toBe(route.okStatus);
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

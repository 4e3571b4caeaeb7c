import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { households, jobs, listings, people } from '../../db/schema';
import { createBin, createOrgTree, createPendingJoinRequest, createPersonWithRole, createReward, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/contracts/common';
import type { TObjectKind } from '../../shared/domain/permissions';
import { grantPoints } from './points';
import { tokenFor } from './api';

/** Where an object sits, seen from the callers in tree A, village 0, courtyard 0. */
export type TTarget = 'own courtyard' | 'other courtyard' | 'other village' | 'other township';
export const TARGETS: TTarget[] = ['own courtyard', 'other courtyard', 'other village', 'other township'];
export const ROLES: TRole[] = ['villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff', 'shopkeeper'];

/** One object of every kind at a target, with the people who have a part in it. */
export type TFixture = { id: string; owner?: string; counterpart?: string };
export type TPlaceObjects = Record<Exclude<TObjectKind, 'self'>, TFixture>;

type TCall = (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type TWorld = {
  a: TOrgTree;
  b: TOrgTree;
  /** a person per role at A/v0/c0, and one who belongs nowhere */
  tokens: Record<TRole | 'stranger', string>;
  /** tokens of the people with a part in objects, by person id */
  partyTokens: Map<string, string>;
  objects: Record<TTarget, TPlaceObjects>;
  /** an invite code of A/v0/c0 (invites are looked up by code, by anyone signed in) */
  inviteCode: string;
};

/**
 * The access matrix's world: two townships, callers in every role at A/v0/c0, and at each
 * target one object of every kind, made the way people make them (over the API where one is
 * the author), each with its own resident owner (and a counterpart where the kind has one).
 */
export async function buildAccessWorld(d: Db, call: TCall): Promise<TWorld> {
  const a = await createOrgTree(d);
  const b = await createOrgTree(d);
  const tokens = {} as TWorld['tokens'];
  let cleanerId = '';
  for (const role of ROLES) {
    const p = (await createPersonWithRole(d, a, role)).personId;
    tokens[role] = await tokenFor(d, p);
    if (role === 'cleaner') cleanerId = p;
  }
  tokens.stranger = await tokenFor(d, (await createPersonWithRole(d, a, null)).personId);
  const partyTokens = new Map<string, string>();
  const placeOf: Record<TTarget, { tree: TOrgTree; v: number; c: number }> = {
    'own courtyard': { tree: a, v: 0, c: 0 },
    'other courtyard': { tree: a, v: 0, c: 1 },
    'other village': { tree: a, v: 1, c: 0 },
    'other township': { tree: b, v: 0, c: 0 },
  };
  const objects = {} as TWorld['objects'];
  for (const t of TARGETS) objects[t] = await objectsAt(d, call, placeOf[t], cleanerId, partyTokens);
  const invite = await call('POST', `/api/courtyards/${a.villages[0].courtyards[0].id}/invites`, tokens.courtyard_head, {});
  return { a, b, tokens, partyTokens, objects, inviteCode: invite.body.code };
}

async function person(d: Db, tree: TOrgTree, at: { v: number; c: number }, householdId: string | null, tokens: Map<string, string>) {
  const [p] = await d.insert(people).values({ name: '住户', phone: '13800000000', householdId }).returning({ id: people.id });
  if (householdId) {
    const { roleAssignments } = await import('../../db/schema');
    const v = tree.villages[at.v];
    await d
      .insert(roleAssignments)
      .values({ personId: p.id, role: 'villager', scopeType: 'courtyard', townshipId: tree.townshipId, villageId: v.id, courtyardId: v.courtyards[at.c].id });
  }
  tokens.set(p.id, await tokenFor(d, p.id));
  return p.id;
}

async function objectsAt(
  d: Db,
  call: TCall,
  at: { tree: TOrgTree; v: number; c: number },
  cleanerId: string,
  tokens: Map<string, string>,
): Promise<TPlaceObjects> {
  const tree = at.tree;
  const village = tree.villages[at.v];
  const courtyardId = village.courtyards[at.c].id;
  const [hh] = await d
    .insert(households)
    .values({ courtyardId, label: `矩阵${randomUUID().slice(0, 6)}` })
    .returning({ id: households.id });
  const resident = await person(d, tree, at, hh.id, tokens);
  const other = await person(d, tree, at, null, tokens); // buys, applies: someone with no place of their own
  const rt = tokens.get(resident)!;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const ok = async (p: Promise<{ status: number; body: any }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`fixture failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  const joinRequest = await createPendingJoinRequest(d, courtyardId, resident);
  tokens.set(joinRequest.personId, await tokenFor(d, joinRequest.personId));
  const n = await d.execute(sql`insert into notifications (recipient_id, village_id, template, payload, state, attempts, last_error)
    values (${resident}, ${village.id}, 'bin_task', '{}'::jsonb, 'failed', 8, 'x') returning id`);
  const notificationId = (n as unknown as { rows: { id: string }[] }).rows[0].id;
  const m = await d.execute(sql`insert into inbox_messages (notification_id, person_id, template, title, body, created_at)
    values (${notificationId}, ${resident}, 'bin_task', 't', 'b', now()) returning id`);
  const inboxId = (m as unknown as { rows: { id: string }[] }).rows[0].id;

  await grantPoints(d, resident, 50);
  const reward = await createReward(d, {
    villageId: village.id,
    name: '盐',
    price: 10,
    stock: 5,
    createdBy: resident,
  });
  const redemption = await ok(call('POST', `/api/rewards/${reward.id}/redeem`, rt, {}));

  const bin = await createBin(d, { townshipId: tree.townshipId, villages: [{ id: village.id, courtyards: [{ id: courtyardId, householdId: hh.id }] }] }, [
    cleanerId,
  ]);
  const report = await ok(call('POST', `/api/bins/${bin.code}/report`, rt, { kind: 'full' }));
  const request = await ok(call('POST', '/api/requests', rt, { category: 'help', text: '矩阵测试：路灯坏了' }));
  await ok(call('PUT', '/api/me/sos', rt, { enabled: true }));
  const sos = await ok(call('POST', '/api/sos', rt, {}));
  const photo = await ok(call('POST', '/api/media', rt, { dataBase64: PNG }));

  const listingInput = { title: '土鸡蛋', category: 'poultry_egg', priceFen: 150, unit: '个', quantity: 10 };
  const jobInput = { title: '摘柑橘', payFen: 15000, payUnit: 'day', place: '后山', startDate: '2027-01-02', endDate: '2027-01-03', headcount: 2 };
  const listing = await ok(call('POST', '/api/listings', rt, listingInput));
  const job = await ok(call('POST', '/api/jobs', rt, jobInput));
  // intents and applications need a published post: published as a reviewer would leave it
  const forSale = await ok(call('POST', '/api/listings', rt, listingInput));
  await d.update(listings).set({ state: 'published', publishedAt: new Date() }).where(eq(listings.id, forSale.id));
  const hiring = await ok(call('POST', '/api/jobs', rt, jobInput));
  await d.update(jobs).set({ state: 'published', publishedAt: new Date() }).where(eq(jobs.id, hiring.id));
  const ot = tokens.get(other)!;
  const intent = await ok(call('POST', `/api/listings/${forSale.id}/intents`, ot, { quantity: 1, phone: '13700000000' }));
  const application = await ok(call('POST', `/api/jobs/${hiring.id}/applications`, ot, { note: '能干' }));

  return {
    township: { id: tree.townshipId },
    village: { id: village.id },
    courtyard: { id: courtyardId },
    household: { id: hh.id, owner: resident },
    person: { id: resident, owner: resident },
    joinRequest: { id: joinRequest.id, owner: joinRequest.personId },
    notification: { id: notificationId, owner: resident },
    inboxMessage: { id: inboxId, owner: resident },
    reward: { id: reward.id },
    redemption: { id: redemption.id, owner: resident },
    bin: { id: bin.code },
    binReport: { id: report.report.id },
    request: { id: request.id, owner: resident },
    sos: { id: sos.id, owner: resident },
    listing: { id: listing.id, owner: resident },
    job: { id: job.id, owner: resident },
    intent: { id: intent.id, owner: other, counterpart: resident },
    application: { id: application.id, owner: other, counterpart: resident },
    media: { id: photo.id, owner: resident },
  };
}

// a valid 1×1 PNG
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { createBin, createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { seedVillageLife, type TDemoCourtyard } from '../../db/seed/life';
import { seedUuid } from '../../db/seed/random';
import type { TRole } from '../../shared/contracts/common';
import { startSession } from '../../functions/services/auth/start-session';
import type { TApiResponse, TCallOptions } from './api';

type TCall = <T = any>(method: string, path: string, opts?: TCallOptions) => Promise<TApiResponse<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Who the fuzzer calls as: every role, a signed-in person in no courtyard, a bad token, nobody. */
export type TCaller = TRole | 'other_villager' | 'no_courtyard' | 'garbage_token' | 'cron' | 'anonymous';

export type TFuzzWorld = {
  /** person ids of the signed-in callers */
  people: Partial<Record<TCaller, string>>;
  tokens: Record<TCaller, string | undefined>;
  /** real values by kind: ids of villages, requests…, bin codes, invite codes, pickup codes */
  pools: Record<string, string[]>;
};

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/**
 * The place the fuzzer works in. On PGlite: the seeded demo village (石坝村, a private copy per
 * test file). On the server the demo is shared with the browser tests and later runs, which
 * must not meet a fuzzed shop or disabled bins, so a fresh township is built the same way
 * (factories + the demo's village life). Then, over the API, everything the demo lacks is
 * made once — a photo, an SOS call, a bin report, an invite and a join request, an intent, an
 * application, a redemption, inbox messages — so every kind of id exists.
 */
export async function buildFuzzWorld(db: Db, call: TCall, opts: { demo: boolean; cronSecret: string }): Promise<TFuzzWorld> {
  const base = opts.demo ? await demoBase(db) : await freshBase(db);
  const people: TFuzzWorld['people'] = { ...base.people };
  const tokens = { anonymous: undefined, garbage_token: 'not-a-session-token', cron: opts.cronSecret } as TFuzzWorld['tokens'];
  // ten-year sessions: the fuzzed test clock may move time on by weeks
  for (const [k, id] of Object.entries(people))
    tokens[k as TCaller] = (await startSession(db, { id: id!, name: 'x' }, { method: 'dev', now: new Date(), ttlDays: 3650 })).token;
  const fresh = await must(call('POST', '/api/auth/dev-login', { body: { newPerson: true } }));
  people.no_courtyard = fresh.body.person.id;
  tokens.no_courtyard = fresh.body.token;

  const t = tokens as Record<TCaller, string>;
  const v = base.villageIds[0];
  const as = (who: TCaller, method: string, path: string, body: unknown = {}) => must(call(method, path, { token: t[who], body }));
  await as('village_cadre', 'POST', `/api/people/${people.villager}/points`, { amount: 500, reason: '模糊测试备用积分' });
  const media = (await as('villager', 'POST', '/api/media', { dataBase64: PNG })).body.id;
  await as('villager', 'PUT', '/api/me/sos', { enabled: true });
  await as('villager', 'POST', '/api/sos');
  await as('villager', 'POST', '/api/requests', { category: 'help', text: '模糊测试的事项', photoIds: [media] });
  const [bin] = await rows<{ code: string }>(db, sql`select code from bins where village_id = ${v} and state = 'active' order by code limit 1`);
  await as('villager', 'POST', `/api/bins/${bin.code}/report`, { photoId: media });
  const invite = (await as('courtyard_head', 'POST', `/api/courtyards/${base.headCourtyardId}/invites`)).body.code;
  await as('no_courtyard', 'POST', '/api/join-requests', { inviteCode: invite, name: '新来的', phone: '13900000000', householdLabel: '99号' });
  const [listing] = await rows<{ id: string }>(
    db,
    sql`select id from listings where village_id = ${v} and state = 'published' and seller_id <> ${people.other_villager} limit 1`,
  );
  await as('other_villager', 'POST', `/api/listings/${listing.id}/intents`, { quantity: 1, phone: '13900000001' });
  const [job] = await rows<{ id: string }>(
    db,
    sql`select id from jobs where village_id = ${v} and state = 'published' and poster_id <> ${people.other_villager} limit 1`,
  );
  await as('other_villager', 'POST', `/api/jobs/${job.id}/applications`, { note: '我能干' });
  const [reward] = await rows<{ id: string }>(db, sql`select id from rewards where village_id = ${v} order by price limit 1`);
  await as('villager', 'POST', `/api/rewards/${reward.id}/redeem`);
  await must(call('GET', '/api/cron/dispatch', { token: opts.cronSecret })); // notifications into inboxes
  return { people, tokens, pools: await discover(db, base.townshipId, Object.values(people) as string[]) };
}

type TBase = { townshipId: string; villageIds: string[]; headCourtyardId: string; people: Partial<Record<TCaller, string>> };

async function demoBase(db: Db): Promise<TBase> {
  const townshipId = seedUuid(1, 1);
  const villageIds = [seedUuid(2, 1), seedUuid(2, 2)];
  const people: TBase['people'] = {};
  const grants = await rows<{ role: TRole; person_id: string; village_id: string | null; courtyard_id: string | null }>(
    db,
    sql`select role, person_id, village_id, courtyard_id from role_assignments where township_id = ${townshipId} and ended_at is null order by person_id`,
  );
  const pick = (role: TRole, village: string | null) => grants.find((g) => g.role === role && (village === null || g.village_id === village));
  for (const role of ['courtyard_head', 'cleaner', 'village_cadre', 'shopkeeper'] as const) people[role] = pick(role, villageIds[0])!.person_id;
  people.township_staff = pick('township_staff', null)!.person_id;
  const head = pick('courtyard_head', villageIds[0])!;
  // a villager of the head's courtyard who sells nothing, and one in the other village
  const villagers = grants.filter((g) => g.role === 'villager' && g.courtyard_id === head.courtyard_id && g.person_id !== head.person_id);
  people.villager = villagers.at(-1)!.person_id;
  people.other_villager = pick('villager', villageIds[1])!.person_id;
  return { townshipId, villageIds, headCourtyardId: head.courtyard_id!, people };
}

async function freshBase(db: Db): Promise<TBase> {
  const tree = await createOrgTree(db, { villages: 2, courtyards: 3 });
  const v0 = tree.villages[0];
  const make = async (role: TRole, at: { village?: number; courtyard?: number } = {}) => (await createPersonWithRole(db, tree, role, at)).personId;
  const yards: TDemoCourtyard[] = [];
  for (const [ci, c] of v0.courtyards.entries()) {
    const headId = await make('courtyard_head', { courtyard: ci });
    const residents = [];
    for (let r = 0; r < 4; r++) residents.push({ personId: await make('villager', { courtyard: ci }), householdId: c.householdId });
    yards.push({ villageId: v0.id, townshipId: tree.townshipId, courtyardId: c.id, headId, residents });
  }
  await seedVillageLife(db, yards, new Date());
  const people: TBase['people'] = {
    courtyard_head: yards[0].headId,
    villager: yards[0].residents[0].personId,
    other_villager: await make('villager', { village: 1 }),
    cleaner: await make('cleaner'),
    village_cadre: await make('village_cadre'),
    shopkeeper: await make('shopkeeper'),
    township_staff: await make('township_staff'),
  };
  for (let i = 0; i < 3; i++) await createBin(db, tree, [people.cleaner!]);
  await db.execute(sql`insert into rewards (village_id, name, price, stock) values (${v0.id}, '洗衣粉', 30, 40), (${v0.id}, '毛巾', 20, 60)`);
  return { townshipId: tree.townshipId, villageIds: tree.villages.map((v) => v.id), headCourtyardId: v0.courtyards[0].id, people };
}

/** Real values of every kind within the township (at most 30 of each). */
async function discover(db: Db, townshipId: string, personIds: string[]): Promise<Record<string, string[]>> {
  const col = async (q: ReturnType<typeof sql>) => (await rows<{ v: string }>(db, q)).map((r) => r.v);
  const inVillages = sql`(select id from villages where township_id = ${townshipId})`;
  const inCourtyards = sql`(select id from courtyards where village_id in ${inVillages})`;
  const people = sql`(${sql.join(
    personIds.map((p) => sql`${p}::uuid`),
    sql`, `,
  )})`;
  return {
    township: [townshipId],
    village: await col(sql`select id as v from villages where township_id = ${townshipId}`),
    courtyard: await col(sql`select id as v from courtyards where village_id in ${inVillages} limit 30`),
    household: await col(sql`select id as v from households where courtyard_id in ${inCourtyards} limit 30`),
    person: [
      ...personIds,
      ...(await col(sql`select id as v from people where household_id in (select id from households where courtyard_id in ${inCourtyards}) limit 20`)),
    ],
    binCode: await col(sql`select code as v from bins where village_id in ${inVillages} limit 30`),
    invite: await col(sql`select code as v from courtyard_invitations where courtyard_id in ${inCourtyards} limit 30`),
    request: await col(sql`select id as v from requests where township_id = ${townshipId} limit 30`),
    listing: await col(sql`select id as v from listings where township_id = ${townshipId} limit 30`),
    job: await col(sql`select id as v from jobs where township_id = ${townshipId} limit 30`),
    reward: await col(sql`select id as v from rewards where village_id in ${inVillages} limit 30`),
    redemption: await col(sql`select id as v from redemptions where village_id in ${inVillages} limit 30`),
    pickupCode: await col(sql`select pickup_code as v from redemptions where village_id in ${inVillages} limit 30`),
    media: await col(sql`select id as v from media where owner_id in ${people} limit 30`),
    notification: await col(sql`select id as v from notifications where village_id in ${inVillages} limit 30`),
    inbox: await col(sql`select id as v from inbox_messages where person_id in ${people} limit 30`),
    sos: await col(sql`select id as v from sos_calls where township_id = ${townshipId} limit 30`),
    binReport: await col(sql`select id as v from bin_reports where village_id in ${inVillages} limit 30`),
    intent: await col(sql`select i.id as v from listing_intents i join listings l on l.id = i.listing_id where l.township_id = ${townshipId} limit 30`),
    application: await col(sql`select a.id as v from job_applications a join jobs j on j.id = a.job_id where j.township_id = ${townshipId} limit 30`),
    joinRequest: await col(sql`select id as v from join_requests where courtyard_id in ${inCourtyards} limit 30`),
    media64: [PNG],
  };
}

async function must<T>(p: Promise<TApiResponse<T>>): Promise<TApiResponse<T>> {
  const r = await p;
  if (r.status >= 300) throw new Error(`fuzz world setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

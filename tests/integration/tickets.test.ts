import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, openDb, type Db, type DbHandle } from '../../db/client';
import { people } from '../../db/schema';
import { takeTicketSeq } from '../../db/queries/tickets';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { createRequest } from '../../functions/services/requests/create-request';
import { raiseSos } from '../../functions/services/sos/raise-sos';
import { formatTicket, ticketYear } from '../../shared/domain/ticket-number';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { testDbKind } from '../helpers/test-db-config';
import { personCtx } from '../helpers/work';

/** 工单号: taken in the creating transaction, unique per township and year, searchable by staff, filled in for old rows. */
const db = useTestDb();
const api = useApi();
const d = (): Db => db.handle().db;
const onServer = testDbKind() === 'server';
const ctxOf = (personId: string) => personCtx(d(), personId, { dbKind: onServer ? 'postgres' : 'pglite' });
const rows = async <T>(q: ReturnType<typeof sql>) => (await d().execute(q)) as unknown as { rows: T[] };
const year = () => ticketYear(new Date());
const Z = (seq: number) => formatTicket({ kind: 'request', year: year(), seq });
const S = (seq: number) => formatTicket({ kind: 'sos', year: year(), seq });

async function villagers(tree: TOrgTree, n: number, at: { village?: number; courtyard?: number } = {}) {
  return Promise.all(Array.from({ length: n }, async (_, i) => (await createPersonWithRole(d(), tree, 'villager', at, `村民${i + 1}`)).personId));
}
async function elders(tree: TOrgTree, n: number) {
  const ids = await villagers(tree, n);
  for (const id of ids)
    await d()
      .update(people)
      .set({ elderly: true })
      .where(sql`${people.id} = ${id}`);
  return ids;
}
const ask = (personId: string, text = '院坝的路灯坏了') => createRequest(ctxOf(personId), { category: 'infrastructure', text, photoIds: [] });
const seqsOf = async (table: 'requests' | 'sos_calls', townshipId: string) =>
  (await rows<{ s: number }>(sql`select ticket_seq as s from ${sql.identifier(table)} where township_id = ${townshipId} order by ticket_seq`)).rows.map(
    (r) => r.s,
  );

describe('taking a 工单号', () => {
  it('numbers requests and calls separately, from 1 in each township, and shows the number in the answer', async () => {
    const a = await createOrgTree(d(), { villages: 2, courtyards: 1 });
    const b = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const [a1, a2] = await villagers(a, 2);
    const [a3] = await villagers(a, 1, { village: 1 });
    const [b1] = await villagers(b, 1);
    expect((await ask(a1)).ticket).toBe(Z(1));
    expect((await ask(a2)).ticket).toBe(Z(2));
    expect((await ask(a3)).ticket).toBe(Z(3)); // another village of the same township: one count
    expect((await ask(b1)).ticket).toBe(Z(1)); // another township starts its own
    const [elder] = await elders(a, 1);
    const call = await raiseSos(ctxOf(elder));
    expect(call.call.ticket).toBe(S(1));
    // a second tap returns the live call and takes no number
    expect((await raiseSos(ctxOf(elder))).call.ticket).toBe(S(1));
    const [other] = await elders(a, 1);
    expect((await raiseSos(ctxOf(other))).call.ticket).toBe(S(2));
  });

  it('puts the number in what the heads and the responders are told', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    await createPersonWithRole(d(), tree, 'courtyard_head', {}, '王院长');
    const [v] = await villagers(tree, 1);
    const r = await ask(v, '水沟堵了');
    const told = await rows<{ ticket: string }>(sql`select payload->>'ticket' as ticket from notifications where payload->>'requestId' = ${r.id}`);
    expect(told.rows).toEqual([{ ticket: r.ticket }]);
    const [elder] = await elders(tree, 1);
    const c = (await raiseSos(ctxOf(elder))).call;
    const alerted = await rows<{ ticket: string }>(sql`select payload->>'ticket' as ticket from notifications where payload->>'callId' = ${c.id}`);
    expect(alerted.rows).toEqual([{ ticket: c.ticket }]);
  });

  it('starts again at 1 in a new year (China time) and continues the old year where it stopped', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    expect(await takeTicketSeq(d(), tree.townshipId, 'request', 2031)).toBe(1);
    expect(await takeTicketSeq(d(), tree.townshipId, 'request', 2031)).toBe(2);
    expect(await takeTicketSeq(d(), tree.townshipId, 'request', 2032)).toBe(1);
    expect(await takeTicketSeq(d(), tree.townshipId, 'sos', 2031)).toBe(1);
    expect(await takeTicketSeq(d(), tree.townshipId, 'request', 2031)).toBe(3);
  });

  it('gives the number back when the create fails, so numbers stay consecutive', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    await expect(
      d().transaction(async (tx) => {
        await takeTicketSeq(tx, tree.townshipId, 'request', 2033);
        throw new Error('the insert failed');
      }),
    ).rejects.toThrow('the insert failed');
    expect(await takeTicketSeq(d(), tree.townshipId, 'request', 2033)).toBe(1);
  });
});

(onServer ? describe : describe.skip)('工单号 under concurrency on the server', () => {
  it('gives 60 concurrent 找院长 in one township 60 distinct, consecutive numbers', async () => {
    const tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
    const people = [
      ...(await villagers(tree, 15, { village: 0, courtyard: 0 })),
      ...(await villagers(tree, 15, { village: 0, courtyard: 1 })),
      ...(await villagers(tree, 15, { village: 1, courtyard: 0 })),
      ...(await villagers(tree, 15, { village: 1, courtyard: 1 })),
    ];
    const made = await Promise.all(people.map((p) => ask(p)));
    const tickets = made.map((r) => r.ticket);
    expect(new Set(tickets).size).toBe(60);
    expect(await seqsOf('requests', tree.townshipId)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const counter = await rows<{ n: number }>(sql`select last_seq as n from ticket_counters where township_id = ${tree.townshipId} and kind = 'request'`);
    expect(counter.rows).toEqual([{ n: 60 }]);
  }, 120_000);

  it('gives 30 concurrent 一键呼叫 consecutive numbers, and a person tapping five times at once one call and no gap', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const callers = await elders(tree, 30);
    const [tapper] = await elders(tree, 1);
    const results = await Promise.all([...callers.map((p) => raiseSos(ctxOf(p))), ...Array.from({ length: 5 }, () => raiseSos(ctxOf(tapper)))]);
    const taps = results.slice(30);
    expect(new Set(taps.map((t) => t.call.id)).size).toBe(1);
    expect(taps.filter((t) => t.created)).toHaveLength(1);
    expect(await seqsOf('sos_calls', tree.townshipId)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    const counter = await rows<{ n: number }>(sql`select last_seq as n from ticket_counters where township_id = ${tree.townshipId} and kind = 'sos'`);
    expect(counter.rows).toEqual([{ n: 31 }]);
  }, 120_000);
});
if (!onServer) console.warn('⚠ 工单号 concurrency tests SKIPPED: they need the PostgreSQL server (TEST_DB=server with DATABASE_URL)');

describe('finding a request by its 工单号 (待办事项 search)', () => {
  let tree: TOrgTree;
  let elsewhere: TOrgTree;
  const tok = {} as Record<'villager' | 'head' | 'otherHead' | 'cadre' | 'staff' | 'farVillager' | 'farHead', string>;
  beforeAll(async () => {
    tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
    elsewhere = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    tok.villager = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);
    tok.head = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'courtyard_head')).personId);
    tok.otherHead = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 1 })).personId);
    tok.cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    tok.staff = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'township_staff')).personId);
    tok.farVillager = await tokenFor(d(), (await createPersonWithRole(d(), elsewhere, 'villager')).personId);
    tok.farHead = await tokenFor(d(), (await createPersonWithRole(d(), elsewhere, 'courtyard_head')).personId);
  });
  const post = (token: string, text: string) => api.call('POST', '/api/requests', { token, body: { category: 'sanitation', text } });
  const search = (token: string, q: string, state = 'open') => api.call('GET', `/api/requests/queue?state=${state}&q=${encodeURIComponent(q)}`, { token });

  it('finds exactly the request of the number, typed in full, without the letter or loosely, in every list it appears in', async () => {
    const first = (await post(tok.villager, '垃圾没人收')).body;
    const mine = (await post(tok.villager, '水沟堵了')).body;
    const far = (await post(tok.farVillager, '别处的事')).body;
    expect(mine.ticket).toMatch(/^Z\d{6}$/);
    expect(far.ticket).toBe(first.ticket); // each township counts from 1: same number, other place
    for (const q of [mine.ticket, mine.ticket.slice(1), ` ${mine.ticket.toLowerCase().replace(/^(z\d\d)/, '$1-')} `]) {
      const r = await search(tok.head, q);
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: { id: string; ticket: string }) => [i.id, i.ticket])).toEqual([[mine.id, mine.ticket]]);
    }
    // the same number in another township is not this head's
    expect((await search(tok.head, first.ticket)).body.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect((await search(tok.farHead, first.ticket)).body.items.map((i: { id: string }) => i.id)).toEqual([far.id]);
    // the number shows in 我的事项, the detail and the plain queue
    const list = (await api.call('GET', '/api/requests/mine', { token: tok.villager })).body.items;
    expect(list.find((i: { id: string }) => i.id === mine.id).ticket).toBe(mine.ticket);
    expect((await api.call('GET', `/api/requests/${mine.id}`, { token: tok.head })).body.ticket).toBe(mine.ticket);
    const queue = (await api.call('GET', '/api/requests/queue', { token: tok.head })).body.items;
    expect(queue.find((i: { id: string }) => i.id === mine.id).ticket).toBe(mine.ticket);
  });

  it('finds a request whatever its state, but only for staff who handle it', async () => {
    const r = (await post(tok.villager, '门口的树倒了')).body;
    expect((await api.call('POST', `/api/requests/${r.id}/withdraw`, { token: tok.villager, body: {} })).status).toBe(200);
    expect((await search(tok.head, r.ticket, 'open')).body.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([[r.id, 'withdrawn']]);
    expect((await search(tok.otherHead, r.ticket)).body.items).toEqual([]); // the other courtyard's head
    expect((await search(tok.farHead, r.ticket)).body.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    // a 小事 is the heads' queue; the cadre's and township's queues hold 大事 and 难事
    expect((await search(tok.cadre, r.ticket)).body.items).toEqual([]);
    const up = (await post(tok.villager, '村道塌了一块')).body;
    expect((await api.call('POST', `/api/requests/${up.id}/level`, { token: tok.head, body: { level: 'village', note: '要村里协调' } })).status).toBe(200);
    expect((await search(tok.cadre, up.ticket)).body.items.map((i: { id: string }) => i.id)).toEqual([up.id]);
  });

  it('answers a number that is not a 找院长 number with a clear message, and an unknown one with nothing', async () => {
    for (const q of ['abc', '42', 'Z26-42', 'S260001', "Z260001' or '1'='1"]) {
      const r = await search(tok.head, q);
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'TICKET_INVALID', message: '工单号不对：找院长是 Z 加6位数字（如 Z260042），一键呼叫是 S 加6位数字' });
    }
    const none = await search(tok.head, 'Z999999');
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    expect((await search(tok.head, 'Z'.repeat(41))).status).toBe(400);
    // an empty box is the plain queue
    expect((await search(tok.head, '')).status).toBe(200);
  });
});

describe('finding an 一键呼叫 by its 工单号', () => {
  it('finds the call of the number, whatever its state, for those who answer it — nobody else', async () => {
    const tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
    const head = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'courtyard_head')).personId);
    const otherHead = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'courtyard_head', { courtyard: 1 })).personId);
    const cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
    const [elder] = await elders(tree, 1);
    const token = await tokenFor(d(), elder);
    const call = (await api.call('POST', '/api/sos', { token })).body;
    expect(call.ticket).toBe(S(1));
    expect((await api.call('POST', `/api/sos/${call.id}/cancel`, { token, body: { reason: 'mistap' } })).status).toBe(200);
    const find = (t: string, q: string) => api.call('GET', `/api/sos/active?q=${encodeURIComponent(q)}`, { token: t });
    for (const q of [call.ticket, call.ticket.toLowerCase()]) {
      const r = await find(head, q);
      expect(r.status).toBe(200);
      expect(r.body.items.map((c: { id: string; state: string; ticket: string }) => [c.id, c.state, c.ticket])).toEqual([[call.id, 'cancelled', call.ticket]]);
    }
    expect((await find(cadre, call.ticket)).body.items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    expect((await find(otherHead, call.ticket)).body.items).toEqual([]);
    // without q the list holds live calls only, as before
    expect((await api.call('GET', '/api/sos/active', { token: head })).body.items.map((c: { id: string }) => c.id)).not.toContain(call.id);
    // a 找院长 number or no number at all
    for (const q of [Z(1), 'help']) expect((await find(head, q)).body.error?.code).toBe('TICKET_INVALID');
  });
});

/**
 * A database migrated up to the migration before `tickets`, for the backfill: a fresh PGlite,
 * or a throwaway database on the server.
 */
async function freshDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (!onServer) return { handle: await openDb({ dataDir: 'memory://' }), drop: async () => undefined };
  const name = `tickets_backfill_${randomUUID().slice(0, 8)}`;
  await d().execute(sql.raw(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), poolSize: 2 });
  return {
    handle,
    drop: () =>
      d()
        // with (force): behind PgBouncer its pool still holds idle server connections to this database
        .execute(sql.raw(`drop database if exists ${name} with (force)`))
        .then(() => undefined),
  };
}

async function migrateTo(handle: DbHandle, folder: string) {
  const { migrate } = handle.kind === 'postgres' ? await import('drizzle-orm/node-postgres/migrator') : await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder: folder });
}

describe('the tickets migration', () => {
  it('numbers existing requests and calls in creation order per township and China year, then continues after them', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_tickets'));
    expect(at).toBeGreaterThan(0);
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'mig-'));
    fs.mkdirSync(path.join(before, 'meta'));
    fs.writeFileSync(path.join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    for (const e of journal.entries.slice(0, at)) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));

    const { handle, drop } = await freshDatabase();
    try {
      await migrateTo(handle, before);
      const x = handle.db;
      // the factories write today's columns; people gained one after the tickets migration
      // (0012: absent_for_work): give it for the setup, then take it away for the migrations to add
      await x.execute(sql`alter table people add column absent_for_work boolean not null default false`);
      const a = await createOrgTree(x, { villages: 2, courtyards: 1 });
      const b = await createOrgTree(x, { villages: 1, courtyards: 1 });
      const pa = (await createPersonWithRole(x, a, 'villager')).personId;
      const pb = (await createPersonWithRole(x, b, 'villager')).personId;
      await x.execute(sql`alter table people drop column absent_for_work`);
      const insertRequest = async (tree: TOrgTree, who: string, village: number, text: string, createdAt: string) => {
        const v = tree.villages[village];
        await x.execute(sql`insert into requests (requester_id, courtyard_id, village_id, township_id, category, text, state, level, created_at, updated_at)
          values (${who}, ${v.courtyards[0].id}, ${v.id}, ${tree.townshipId}, 'other', ${text}, 'submitted', 'courtyard', ${createdAt}, ${createdAt})`);
      };
      // written out of order; 2025-12-31T16:30Z is already 2026 in China
      await insertRequest(a, pa, 0, 'a-2025-third', '2025-12-31T15:59:00Z');
      await insertRequest(a, pa, 1, 'a-2025-first', '2025-03-01T00:00:00Z');
      await insertRequest(a, pa, 0, 'a-2026-first', '2025-12-31T16:30:00Z');
      await insertRequest(a, pa, 0, 'a-2025-second', '2025-07-01T00:00:00Z');
      await insertRequest(b, pb, 0, 'b-2025-first', '2025-05-01T00:00:00Z');
      await insertRequest(a, pa, 1, 'a-2026-second', '2026-02-01T00:00:00Z');
      for (const [who, tree, createdAt] of [
        [pa, a, '2025-09-01T00:00:00Z'],
        [pa, a, '2025-08-01T00:00:00Z'],
      ] as const)
        await x.execute(sql`insert into sos_calls (caller_id, courtyard_id, village_id, township_id, address, state, created_at)
          values (${who}, ${tree.villages[0].courtyards[0].id}, ${tree.villages[0].id}, ${tree.townshipId}, '桂花院', 'cancelled', ${createdAt})`);

      await migrateTo(handle, MIGRATIONS_DIR);

      const got = (await x.execute(sql`select text, ticket_year as y, ticket_seq as s from requests order by text`)) as unknown as {
        rows: { text: string; y: number; s: number }[];
      };
      expect(got.rows.map((r) => `${r.text} ${formatTicket({ kind: 'request', year: r.y, seq: r.s })}`)).toEqual([
        'a-2025-first Z250001',
        'a-2025-second Z250002',
        'a-2025-third Z250003',
        'a-2026-first Z260001',
        'a-2026-second Z260002',
        'b-2025-first Z250001',
      ]);
      const calls = (await x.execute(sql`select created_at, ticket_seq as s from sos_calls order by created_at`)) as unknown as { rows: { s: number }[] };
      expect(calls.rows.map((r) => r.s)).toEqual([1, 2]);
      // the counters continue after the filled-in numbers
      expect(await takeTicketSeq(x, a.townshipId, 'request', 2025)).toBe(4);
      expect(await takeTicketSeq(x, a.townshipId, 'request', 2026)).toBe(3);
      expect(await takeTicketSeq(x, b.townshipId, 'request', 2025)).toBe(2);
      expect(await takeTicketSeq(x, a.townshipId, 'sos', 2025)).toBe(3);
      // and from now on a request without a number cannot be stored
      await expect(
        x.execute(sql`insert into requests (requester_id, courtyard_id, village_id, township_id, category, text, state, level, created_at, updated_at)
          values (${pa}, ${a.villages[0].courtyards[0].id}, ${a.villages[0].id}, ${a.townshipId}, 'other', 'no number', 'submitted', 'courtyard', now(), now())`),
      ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23502' }) }); // not_null_violation
    } finally {
      await handle.close();
      await drop();
      fs.rmSync(before, { recursive: true, force: true });
    }
  }, 120_000);
});

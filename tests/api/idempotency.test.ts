import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { idempotencyKeys, requests } from '../../db/schema';
import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
let headToken: string;
let headId: string;
let villagerToken: string;
let villagerId: string;
let courtyardId: string;

beforeAll(async () => {
  const tree = await createOrgTree(db.handle().db);
  courtyardId = tree.villages[0].courtyards[0].id;
  const head = await createPersonWithRole(db.handle().db, tree, 'courtyard_head');
  headId = head.personId;
  headToken = await tokenFor(db.handle().db, head.personId);
  villagerId = (await createPersonWithRole(db.handle().db, tree, 'villager')).personId;
  villagerToken = await tokenFor(db.handle().db, villagerId);
});

const createInvite = (key: string, body: unknown = {}) =>
  api.call('POST', `/api/courtyards/${courtyardId}/invites`, { token: headToken, body, headers: { 'idempotency-key': key } });

describe('Idempotency-Key on writes', () => {
  it('replays the first answer to a retry with the same key and body, creating nothing twice', async () => {
    const first = await createInvite('key-replay-1');
    const retry = await createInvite('key-replay-1');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const other = await createInvite('key-replay-2');
    expect(other.body.code).not.toBe(first.body.code);
  });

  it('refuses the same key with a different body with 422', async () => {
    await createInvite('key-reuse-1', { days: 7 });
    const r = await createInvite('key-reuse-1', { days: 8 });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('replays a refusal too, so a retried bad request gets the same answer', async () => {
    const a = await createInvite('key-bad-1', { days: 1000 });
    const b = await createInvite('key-bad-1', { days: 1000 });
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(b.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives concurrent duplicates one write: each replays it or is told to wait (409)', async () => {
    const tries = await Promise.all(Array.from({ length: 6 }, () => createInvite('key-concurrent-1')));
    const statuses = tries.map((t) => t.status);
    const created = tries.filter((t) => t.status === 201);
    // every success is the same invite; the rest were told to wait
    expect(new Set(created.map((c) => c.body.code)).size).toBe(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const after = await createInvite('key-concurrent-1');
    expect(after.body.code).toBe(created[0].body.code);
  });

  it('keeps keys per person: another person may use the same key', async () => {
    const tree = await createOrgTree(db.handle().db);
    const other = await createPersonWithRole(db.handle().db, tree, 'courtyard_head');
    const token = await tokenFor(db.handle().db, other.personId);
    const mine = await createInvite('key-shared-1');
    const theirs = await api.call('POST', `/api/courtyards/${tree.villages[0].courtyards[0].id}/invites`, {
      token,
      body: {},
      headers: { 'idempotency-key': 'key-shared-1' },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.code).not.toBe(mine.body.code);
  });

  it('rejects an unusable key', async () => {
    const r = await createInvite('x'.repeat(201));
    expect(r.status).toBe(400);
  });

  it('rolls a failed write back whole — its effects and its key — so the retry runs it exactly once', async () => {
    const d = db.handle().db;
    const tag = randomUUID().slice(0, 8);
    const mark = `注入故障${tag}`;
    // the timeline row is written after the request row: fail there, for this request only
    await d.execute(
      sql.raw(`create or replace function fail_marked_event() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from requests where id = new.request_id and text like '%${mark}%') then raise exception 'injected fault'; end if;
        return new;
      end $$`),
    );
    await d.execute(sql.raw(`create trigger fail_marked_event_${tag} before insert on request_events for each row execute function fail_marked_event()`));
    const send = () =>
      api.call('POST', '/api/requests', {
        token: villagerToken,
        body: { category: 'help', text: `门口的灯坏了 ${mark}` },
        headers: { 'idempotency-key': `fail-${tag}` },
      });
    const rows = async () =>
      (
        await d
          .select({ id: requests.id })
          .from(requests)
          .where(like(requests.text, `%${mark}%`))
      ).length;
    const keyRows = async () =>
      (
        await d
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.actor, villagerId), eq(idempotencyKeys.key, `fail-${tag}`)))
      ).length;
    try {
      const failed = await send();
      expect(failed.status).toBe(500);
      expect(await rows()).toBe(0);
      expect(await keyRows()).toBe(0);
    } finally {
      await d.execute(sql.raw(`drop trigger fail_marked_event_${tag} on request_events`));
    }
    const retry = await send();
    expect(retry.status).toBe(201);
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(retry.body.id);
    expect(await rows()).toBe(1);
    expect(await keyRows()).toBe(1);
  });

  it('takes over a key the earlier design left in progress instead of answering 409 for a day', async () => {
    const d = db.handle().db;
    const key = `legacy-${randomUUID()}`;
    await d.insert(idempotencyKeys).values({
      actor: headId,
      key,
      method: 'POST',
      path: `/api/courtyards/${courtyardId}/invites`,
      requestHash: 'x',
      state: 'in_progress',
      createdAt: new Date(),
    });
    const r = await createInvite(key);
    expect(r.status).toBe(201);
    expect((await createInvite(key)).body.code).toBe(r.body.code);
  });
});

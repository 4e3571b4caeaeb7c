import { createOrgTree, createPersonWithRole } from '../../db/seed/factories';
import { useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
let headToken: string;
let courtyardId: string;

beforeAll(async () => {
  const tree = await createOrgTree(db.handle().db);
  courtyardId = tree.villages[0].courtyards[0].id;
  const head = await createPersonWithRole(db.handle().db, tree, 'courtyard_head');
  headToken = await tokenFor(db.handle().db, head.personId);
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

  it('answers 409 to a duplicate that arrives while the first is still running', async () => {
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
      token, body: {}, headers: { 'idempotency-key': 'key-shared-1' },
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.code).not.toBe(mine.body.code);
  });

  it('rejects an unusable key', async () => {
    const r = await createInvite('x'.repeat(201));
    expect(r.status).toBe(400);
  });
});

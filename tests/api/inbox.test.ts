import { randomUUID } from 'node:crypto';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { workerIdle } from '../../functions/_lib/worker';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';
import { TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
const api = useApi();
let tree: TOrgTree;
let headToken: string;
let headId: string;
const d = () => db.handle().db;

beforeAll(async () => {
  tree = await createOrgTree(d());
  headId = (await createPersonWithRole(d(), tree, 'courtyard_head')).personId;
  headToken = await tokenFor(d(), headId);
});

async function newcomerApplies() {
  const invite = await api.call('POST', `/api/courtyards/${tree.villages[0].courtyards[0].id}/invites`, { token: headToken, body: {} });
  const s = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
  const r = await api.call('POST', '/api/join-requests', {
    token: s.body.token,
    body: { inviteCode: invite.body.code, name: `新人${randomUUID().slice(0, 4)}`, phone: '13700001111', householdLabel: '5号' },
  });
  expect(r.status).toBe(201);
  return { token: s.body.token as string, requestId: r.body.id as string };
}

describe('the in-app inbox', () => {
  it('tells the head of a new join request, counts it unread, and marks it read', async () => {
    await newcomerApplies();
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const count = await api.call('GET', '/api/inbox/unread-count', { token: headToken });
    expect(count.body.unread).toBeGreaterThanOrEqual(1);
    const list = await api.call('GET', '/api/inbox?limit=1', { token: headToken });
    expect(list.body.items[0]).toMatchObject({
      title: '新的入院申请',
      read: false,
      link: `/pkg-courtyard/requests/index?courtyardId=${tree.villages[0].courtyards[0].id}`,
    });
    const read = await api.call('POST', `/api/inbox/${list.body.items[0].id}/read`, { token: headToken, body: {} });
    expect(read.body.unread).toBe(count.body.unread - 1);
    const all = await api.call('POST', '/api/inbox/read-all', { token: headToken, body: {} });
    expect(all.body.unread).toBe(0);
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) await newcomerApplies();
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const first = await api.call('GET', '/api/inbox?limit=2', { token: headToken });
    expect(first.body.items).toHaveLength(2);
    const second = await api.call('GET', `/api/inbox?limit=2&cursor=${first.body.nextCursor}`, { token: headToken });
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.body.items, ...second.body.items].map((i: { createdAt: string }) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await api.call('GET', '/api/inbox?cursor=%%%', { token: headToken })).status).toBe(400);
  });

  it('tells the applicant the decision', async () => {
    const a = await newcomerApplies();
    await api.call('POST', `/api/join-requests/${a.requestId}/reject`, { token: headToken, body: { reason: '信息不全' } });
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const list = await api.call('GET', '/api/inbox', { token: a.token });
    expect(list.body.items[0]).toMatchObject({ title: '入院申请未通过', body: '原因：信息不全' });
  });

  it("lets nobody read or mark another person's message", async () => {
    await newcomerApplies();
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const mine = await api.call('GET', '/api/inbox', { token: headToken });
    const stranger = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
    expect((await api.call('GET', '/api/inbox', { token: stranger.body.token })).body.items).toEqual([]);
    const r = await api.call('POST', `/api/inbox/${mine.body.items[0].id}/read`, { token: stranger.body.token, body: {} });
    expect(r.status).toBe(404);
  });

  it('reaches the inbox within seconds of the commit through the post-commit kick', async () => {
    setEnv(testEnv({ DISPATCH_KICK: '1' }));
    try {
      const before = (await api.call('GET', '/api/inbox/unread-count', { token: headToken })).body.unread;
      await newcomerApplies();
      await workerIdle();
      let unread = before;
      for (let i = 0; i < 50 && unread === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        unread = (await api.call('GET', '/api/inbox/unread-count', { token: headToken })).body.unread;
      }
      expect(unread).toBe(before + 1);
    } finally {
      await workerIdle();
      setEnv(testEnv());
    }
  });
});

describe('subscriptions and credits', () => {
  it('counts each accepted template as one credit and refuses unknown ids', async () => {
    const s = await api.call('POST', '/api/auth/dev-login', { body: { newPerson: true } });
    const t = await api.call('GET', '/api/subscriptions/templates', { token: s.body.token });
    expect(t.body.templates.bin_task).toBe('TPL_BIN_TASK');
    await api.call('POST', '/api/subscriptions', { token: s.body.token, body: { accepted: ['TPL_BIN_TASK'] } });
    const r = await api.call('POST', '/api/subscriptions', { token: s.body.token, body: { accepted: ['TPL_BIN_TASK', 'TPL_SOS'] } });
    expect(r.body.credits).toEqual({ bin_task: 2, sos: 1 });
    const retry = await api.call('POST', '/api/subscriptions', {
      token: s.body.token,
      body: { accepted: ['TPL_SOS'] },
      headers: { 'idempotency-key': 'sub-1' },
    });
    const again = await api.call('POST', '/api/subscriptions', {
      token: s.body.token,
      body: { accepted: ['TPL_SOS'] },
      headers: { 'idempotency-key': 'sub-1' },
    });
    expect(again.body).toEqual(retry.body);
    expect(again.body.credits.sos).toBe(2);
    const bad = await api.call('POST', '/api/subscriptions', { token: s.body.token, body: { accepted: ['NOPE'] } });
    expect(bad.status).toBe(400);
  });
});

describe('cron dispatch', () => {
  it('needs the cron secret', async () => {
    expect((await api.call('GET', '/api/cron/dispatch')).status).toBe(401);
    expect((await api.call('GET', '/api/cron/dispatch', { token: 'wrong' })).status).toBe(401);
    const r = await api.call('GET', '/api/cron/dispatch', { token: testEnv().CRON_SECRET });
    expect(r.status).toBe(200);
    expect(r.body).toHaveProperty('delivered');
  });
});

describe('failed notifications for cadres', () => {
  it('lists failures in the village and retries one back into delivery', async () => {
    const cadre = await createPersonWithRole(d(), tree, 'village_cadre');
    const token = await tokenFor(d(), cadre.personId);
    const { sql } = await import('drizzle-orm');
    await d().execute(sql`insert into notifications (recipient_id, village_id, template, payload, state, attempts, last_error)
      values (${headId}, ${tree.villages[0].id}, 'bin_task', '{"binLabel":"01号桶"}'::jsonb, 'failed', 8, 'gave up after 8 attempts: errcode -1')`);
    const list = await api.call('GET', `/api/villages/${tree.villages[0].id}/notifications`, { token });
    const failed = list.body.items.find((n: { lastError: string }) => n.lastError?.includes('gave up'));
    expect(failed).toMatchObject({ state: 'failed', template: 'bin_task', recipient: { id: headId } });
    const retried = await api.call('POST', `/api/notifications/${failed.id}/retry`, { token, body: {} });
    expect(retried.body.state).toBe('pending');
    expect((await api.call('POST', `/api/notifications/${failed.id}/retry`, { token, body: {} })).body.error.code).toBe('NOTIFICATION_NOT_FAILED');
    await runDueWork(workCtx(d(), new TestClock(Date.now())));
    const after = await api.call('GET', `/api/villages/${tree.villages[0].id}/notifications?state=done`, { token });
    expect(after.body.items.map((n: { id: string }) => n.id)).toContain(failed.id);
  });
});

import { LEGAL_VERSION } from '../../shared/domain/privacy';
import { randomUUID } from 'node:crypto';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
let wx: TFakeWechat;
let tree: TOrgTree;
let headToken: string;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret }));
  tree = await createOrgTree(db.handle().db);
  const head = await createPersonWithRole(db.handle().db, tree, 'courtyard_head', { courtyard: 0 }, '院长老王');
  headToken = await tokenFor(db.handle().db, head.personId);
});
afterAll(() => wx.stop());

const form = (inviteCode: string) => ({
  inviteCode,
  name: '刘新来',
  phone: '13912345678',
  householdLabel: '8号',
  members: [{ name: '刘小妹', relation: '女儿' }],
  flags: { livesAlone: false, elderly: true, needsCare: false },
});

async function wechatSignIn(user: string) {
  const r = await api.call('POST', '/api/auth/wechat-login', { body: { consentVersion: LEGAL_VERSION, code: wx.codeFor(`${user}-${randomUUID()}`) } });
  expect(r.status).toBe(200);
  return r.body.token as string;
}

describe('joining a courtyard', () => {
  it('lets a newcomer signed in with WeChat join with an invite code once the head approves', async () => {
    const courtyardId = tree.villages[0].courtyards[0].id;
    const invite = await api.call('POST', `/api/courtyards/${courtyardId}/invites`, { token: headToken, body: {} });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);

    const token = await wechatSignIn('newcomer-1');
    const before = await api.call('GET', '/api/me', { token });
    expect(before.body.roles).toEqual([]);
    expect(before.body.person.name).toBe('微信用户');

    const preview = await api.call('GET', `/api/invites/${invite.body.code.toLowerCase()}`, { token });
    expect(preview.status).toBe(200);
    expect(preview.body.courtyard).toEqual({ id: courtyardId, name: '院落1-1' });

    const submitted = await api.call('POST', '/api/join-requests', { token, body: form(`j=${invite.body.code}`) });
    expect(submitted.status).toBe(201);
    expect(submitted.body.state).toBe('pending');

    const list = await api.call('GET', `/api/courtyards/${courtyardId}/join-requests?state=pending`, { token: headToken });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(submitted.body.id);

    const approved = await api.call('POST', `/api/join-requests/${submitted.body.id}/approve`, { token: headToken, body: {} });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');

    const me = await api.call('GET', '/api/me', { token });
    expect(me.body.person).toMatchObject({ name: '刘新来', phone: '13912345678', flags: { elderly: true } });
    expect(me.body.household.label).toBe('8号');
    expect(me.body.courtyard).toEqual({ id: courtyardId, name: '院落1-1' });
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'villager', roleLabel: '村民', scopeId: courtyardId })]);

    const again = await api.call('POST', `/api/join-requests/${submitted.body.id}/approve`, { token: headToken, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('JOIN_REQUEST_NOT_PENDING');

    const rejoin = await api.call('POST', '/api/join-requests', { token, body: form(invite.body.code) });
    expect(rejoin.body.error.code).toBe('ALREADY_MEMBER');
  });

  it('refuses a second pending request and lets the applicant withdraw it', async () => {
    const courtyardId = tree.villages[0].courtyards[0].id;
    const invite = await api.call('POST', `/api/courtyards/${courtyardId}/invites`, { token: headToken, body: {} });
    const token = await wechatSignIn('newcomer-2');
    const first = await api.call('POST', '/api/join-requests', { token, body: form(invite.body.code) });
    const second = await api.call('POST', '/api/join-requests', { token, body: form(invite.body.code) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('JOIN_REQUEST_PENDING');

    const withdrawn = await api.call('POST', `/api/join-requests/${first.body.id}/withdraw`, { token, body: {} });
    expect(withdrawn.body.state).toBe('withdrawn');
    const third = await api.call('POST', '/api/join-requests', { token, body: form(invite.body.code) });
    expect(third.status).toBe(201);
    const mine = await api.call('GET', '/api/join-requests/mine', { token });
    expect(mine.body.items.map((i: { state: string }) => i.state)).toEqual(['pending', 'withdrawn']);
  });

  it('shows the applicant the reason when the head rejects', async () => {
    const courtyardId = tree.villages[0].courtyards[0].id;
    const invite = await api.call('POST', `/api/courtyards/${courtyardId}/invites`, { token: headToken, body: {} });
    const token = await wechatSignIn('newcomer-3');
    const req = await api.call('POST', '/api/join-requests', { token, body: form(invite.body.code) });
    const noReason = await api.call('POST', `/api/join-requests/${req.body.id}/reject`, { token: headToken, body: { reason: ' ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('body.reason');
    await api.call('POST', `/api/join-requests/${req.body.id}/reject`, { token: headToken, body: { reason: '不是本院住户' } });
    const mine = await api.call('GET', '/api/join-requests/mine', { token });
    expect(mine.body.items[0]).toMatchObject({ state: 'rejected', reason: '不是本院住户' });
  });

  it('refuses 微信用户 as the name of the applicant or a family member and says to give the real name', async () => {
    const courtyardId = tree.villages[0].courtyards[0].id;
    const invite = await api.call('POST', `/api/courtyards/${courtyardId}/invites`, { token: headToken, body: {} });
    const token = await wechatSignIn('newcomer-5');
    const placeholder = await api.call('POST', '/api/join-requests', {
      token,
      body: { ...form(invite.body.code), name: ' 微信用户 ', members: [{ name: '微信用户', relation: '女儿' }] },
    });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.error.issues).toEqual([
      { path: 'body.name', message: '请填写真实姓名，不能用「微信用户」' },
      { path: 'body.members.0.name', message: '请填写真实姓名，不能用「微信用户」' },
    ]);
  });

  it('answers unknown and badly typed invite codes clearly', async () => {
    const token = await wechatSignIn('newcomer-4');
    const unknown = await api.call('GET', '/api/invites/ABCDEFGHJK', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'INVITE_INVALID', message: '邀请码不对或已过期，请向院长要一个新的' });
    for (const typo of ['ABC', 'ABCDEFGHJK2', 'ABCDE1GHJK']) {
      const wrong = await api.call('GET', `/api/invites/${typo}`, { token });
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.code).toBe('INVITE_INVALID');
    }
    const bad = await api.call('POST', '/api/join-requests', { token, body: { ...form('abc'), phone: '123' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.inviteCode', 'body.phone']);
  });
});

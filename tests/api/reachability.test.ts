import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { oaFollowers, people, roleAssignments, subscriptionCredits, wechatIdentities } from '../../db/schema';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import type { TRole } from '../../shared/contracts/common';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

/**
 * 工作人员能否收到通知 (GET /api/villages/{id}/reachability) on a real database: a village whose
 * staff are each in one situation — a long-term subscription, a 公众号 follower, one-time
 * credits, only a phone, a stale follower with a bad phone, credits but no WeChat sign-in, an
 * unfollower — comes back with the right channels and status, unreachable people first.
 */
const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
const APP = 'wx-test-app';
const now = new Date('2026-11-30T08:00:00Z');

let tree: TOrgTree;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

/** bin_task configured long-term (政务民生), the 公众号 and SMS switched on. */
function channelsOn() {
  const templates = { ...testEnv().WECHAT_SUBSCRIBE_TEMPLATES };
  templates.bin_task = { ...templates.bin_task, longTerm: true };
  return testEnv({
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(templates),
    WECHAT_OA_APP_ID: 'wx-test-oa',
    WECHAT_OA_APP_SECRET: 'oa-secret',
    WECHAT_OA_TOKEN: 'oa-token',
    SMS_ENABLED: '1',
    TENCENT_SMS_SECRET_ID: 'sid',
    TENCENT_SMS_SECRET_KEY: 'skey',
    TENCENT_SMS_SDK_APP_ID: '1400000000',
    TENCENT_SMS_SIGN_NAME: '小院家',
  });
}

async function person(key: string, role: TRole, phone: string | null, at: { courtyard?: number; village?: number } = {}) {
  ids[key] = (await createPersonWithRole(d(), tree, role, at, key)).personId;
  await d().update(people).set({ phone }).where(eq(people.id, ids[key]));
  return ids[key];
}
const signIn = (personId: string, unionid: string | null = null) =>
  d()
    .insert(wechatIdentities)
    .values({ personId, appId: APP, openid: `o-${randomUUID()}`, unionid });
const follower = (unionid: string, following: boolean, staleReason: string | null = null, changedAt = now) =>
  d()
    .insert(oaFollowers)
    .values({ openid: `oa-${randomUUID()}`, unionid, following, staleReason, changedAt });
const credits = (personId: string, template: string, n: number, longTerm = false) =>
  d()
    .insert(subscriptionCredits)
    .values({ personId, template, credits: n, longTermSince: longTerm ? now : null, updatedAt: now });

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
  const u = () => `u-${randomUUID()}`;

  // push: signed in, holds the long-term bin_task subscription
  await signIn(await person('白书记', 'village_cadre', '13800001111'));
  await credits(ids['白书记'], 'bin_task', 0, true);

  // push through the 公众号 (followed with the WeChat account she signed in with); also a cleaner
  const chen = await person('陈院长', 'courtyard_head', '13800002222');
  await d()
    .insert(roleAssignments)
    .values({ personId: chen, role: 'cleaner', scopeType: 'village', townshipId: tree.townshipId, villageId: tree.villages[0].id });
  const chenU = u();
  await signIn(chen, chenU);
  // other follower records of the same person (unfollowed; a newer one that went stale) must
  // not hide the one that works
  await follower(chenU, false);
  await follower(chenU, true);
  await follower(chenU, true, '40003', new Date(now.getTime() + 60_000));

  // credits: two one-time bin_task credits, no phone
  await signIn(await person('邓师傅', 'cleaner', null));
  await credits(ids['邓师傅'], 'bin_task', 2);
  await credits(ids['邓师傅'], 'sos', 0);

  // sms: never signed in with WeChat, a mobile number on file
  await person('方师傅', 'cleaner', '139 1234 5678');

  // inbox only: follows, but the last send said 43004; a phone no SMS can reach; a long-term
  // subscription to a template that is not (or no longer) configured long-term
  const gaoU = u();
  await signIn(await person('高师傅', 'cleaner', '12345'), gaoU);
  await follower(gaoU, true, '43004');
  await credits(ids['高师傅'], 'join_request_new', 0, true);

  // inbox only: credits from a development sign-in, but no WeChat openid to push to
  await person('黄店员', 'shopkeeper', null);
  await credits(ids['黄店员'], 'bin_task', 3);

  // sms: unfollowed the 公众号
  const jiangU = u();
  await signIn(await person('蒋院长', 'courtyard_head', '13700003333', { courtyard: 1 }), jiangU);
  await follower(jiangU, false);

  // not staff of this village: a villager, the other village's cadre, township staff, a cleaner who left
  await person('李村民', 'villager', '13600004444');
  await person('另村干部', 'village_cadre', '13600005555', { village: 1 });
  await person('镇管理员', 'township_staff', '13600006666');
  const left = await person('离职保洁', 'cleaner', '13600007777');
  await d().update(roleAssignments).set({ endedAt: now }).where(eq(roleAssignments.personId, left));

  for (const k of ['白书记', '陈院长', '李村民', '另村干部', '镇管理员', '方师傅']) tokens[k] = await tokenFor(d(), ids[k]);
});

afterEach(() => setEnv(testEnv()));

const url = () => `/api/villages/${tree.villages[0].id}/reachability`;
type TItem = { name: string; roles: string[]; reach: string; channels: Record<string, unknown> };

describe('staff reach of a village', () => {
  it('lists every member of staff with their channels, unreachable people first', async () => {
    setEnv(channelsOn());
    const r = await api.call('GET', url(), { token: tokens['白书记'] });
    expect(r.status).toBe(200);
    const items = r.body.items as TItem[];
    expect(items.map((i) => [i.name, i.reach])).toEqual([
      ['高师傅', 'inbox_only'],
      ['黄店员', 'inbox_only'],
      ['方师傅', 'sms'],
      ['蒋院长', 'sms'],
      ['邓师傅', 'credits'],
      ['白书记', 'push'],
      ['陈院长', 'push'],
    ]);
    expect(r.body.counts).toEqual({ inbox_only: 2, sms: 2, credits: 1, push: 2 });
    expect(r.body.channelsOn).toEqual({ oa: true, sms: true });

    const by = Object.fromEntries(items.map((i) => [i.name, i]));
    expect(by['白书记']).toMatchObject({
      roles: ['village_cadre'],
      channels: { miniProgram: true, longTerm: ['bin_task'], credits: {}, oa: 'unlinked', phone: '138****1111' },
    });
    expect(by['陈院长']).toMatchObject({ roles: ['cleaner', 'courtyard_head'], channels: { oa: 'following', longTerm: [] } });
    expect(by['邓师傅'].channels).toEqual({ miniProgram: true, longTerm: [], credits: { bin_task: 2 }, oa: 'unlinked', phone: null });
    expect(by['方师傅'].channels).toEqual({ miniProgram: false, longTerm: [], credits: {}, oa: 'unlinked', phone: '139****5678' });
    expect(by['高师傅'].channels).toEqual({ miniProgram: true, longTerm: [], credits: {}, oa: 'stale', phone: null });
    expect(by['黄店员'].channels).toMatchObject({ miniProgram: false, credits: { bin_task: 3 }, oa: 'unlinked' });
    expect(by['蒋院长'].channels).toMatchObject({ oa: 'not_following', phone: '137****3333' });
    // the full number never leaves the server
    // (the numbers themselves, not any run of digits: a uuid's last group can be eleven digits)
    const body = JSON.stringify(r.body);
    for (const full of ['13800001111', '13800002222', '1391234', '13700003333']) expect(body).not.toContain(full);
  });

  it('counts the 公众号 and phones only when those channels run', async () => {
    const r = await api.call('GET', url(), { token: tokens['白书记'] });
    expect(r.body.channelsOn).toEqual({ oa: false, sms: false });
    const reach = Object.fromEntries((r.body.items as TItem[]).map((i) => [i.name, i.reach]));
    // bin_task is not long-term in the default configuration: 白书记 keeps nothing that pushes
    expect(reach).toEqual({
      白书记: 'inbox_only',
      陈院长: 'inbox_only',
      邓师傅: 'credits',
      方师傅: 'inbox_only',
      高师傅: 'inbox_only',
      黄店员: 'inbox_only',
      蒋院长: 'inbox_only',
    });
    expect(r.body.counts).toEqual({ inbox_only: 6, sms: 0, credits: 1, push: 0 });
    expect((r.body.items as TItem[])[6].name).toBe('邓师傅');
  });

  it('lets township staff over the village see it and refuses everyone else', async () => {
    setEnv(channelsOn());
    expect((await api.call('GET', url(), { token: tokens['镇管理员'] })).status).toBe(200);
    for (const who of ['李村民', '另村干部', '方师傅']) {
      const r = await api.call('GET', url(), { token: tokens[who] });
      expect({ who, status: r.status, items: r.body.items }).toEqual({ who, status: expect.any(Number), items: undefined });
      expect([403, 404]).toContain(r.status);
    }
    expect((await api.call('GET', url())).status).toBe(401);
    expect((await api.call('GET', `/api/villages/${randomUUID()}/reachability`, { token: tokens['白书记'] })).status).toBe(404);
  });
});

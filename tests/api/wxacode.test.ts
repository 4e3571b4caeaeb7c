import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/_lib/env';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let wx: TFakeWechat;
let tree: TOrgTree;
let cadre: string;

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '500' }));
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
});
afterAll(() => wx.stop());

describe('mini-program codes (getwxacodeunlimit)', () => {
  it('generates a bin\'s code once with its scene and scan page, then serves it from the cache', async () => {
    const bin = await createBin(d(), tree, []);
    const first = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
    expect(first.status).toBe(200);
    expect(first.body.contentType).toBe('image/jpeg');
    const bytes = Buffer.from(first.body.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.toString('latin1')).toContain(`b=${bin.code}`);
    const calls = wx.wxacodes.length;
    expect(wx.wxacodes.at(-1)).toEqual({ scene: `b=${bin.code}`, page: 'pkg-scan/bin/index' });
    const again = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
    expect(again.body.base64).toBe(first.body.base64);
    expect(wx.wxacodes.length).toBe(calls);
  });

  it('refreshes an invalid token once and retries', async () => {
    const bin = await createBin(d(), tree, []);
    wx.failNext('wxacode', { errcode: 40001 });
    const r = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
    expect(r.status).toBe(200);
  });

  it.each([
    ['a JSON error (41030 bad page)', { errcode: 41030, errmsg: 'invalid page' }],
    ['a busy WeChat', { errcode: -1 }],
    ['an HTTP 502', { httpStatus: 502 }],
  ])('turns %s into 503 and caches nothing', async (_, fault) => {
    const bin = await createBin(d(), tree, []);
    wx.failNext('wxacode', fault);
    const r = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('WECHAT_UNAVAILABLE');
    expect((await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre })).status).toBe(200);
  });

  it('is for cadres of the bin\'s village only', async () => {
    const bin = await createBin(d(), tree, []);
    const villager = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);
    expect((await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: villager })).status).toBe(403);
    const elsewhere = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const otherCadre = await tokenFor(d(), (await createPersonWithRole(d(), elsewhere, 'village_cadre')).personId);
    expect((await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: otherCadre })).status).toBe(403);
  });
});

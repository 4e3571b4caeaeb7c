import { sql } from 'drizzle-orm';
import { createBin, createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import { wechatConfig } from '../../functions/services/wechat/config';
import { fetchWxaCode, type TWxaCodeRequest } from '../../functions/services/wechat/wxacode';
import { startFakeWechat, type TFakeWechat } from '../helpers/fake-wechat';
import { testEnv, useTestDb } from '../helpers/db';
import { tokenFor, useApi } from '../helpers/api';

const db = useTestDb();
const api = useApi();
const d = () => db.handle().db;
let wx: TFakeWechat;
let tree: TOrgTree;
let cadre: string;
const wxEnv = (more: Record<string, string> = {}) =>
  testEnv({ WECHAT_API_BASE: wx.url, WECHAT_APP_ID: wx.appId, WECHAT_APP_SECRET: wx.appSecret, WECHAT_TIMEOUT_MS: '500', ...more });

beforeAll(async () => {
  wx = await startFakeWechat();
  setEnv(wxEnv());
  tree = await createOrgTree(d(), { villages: 1, courtyards: 1 });
  cadre = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'village_cadre')).personId);
});
afterAll(() => wx.stop());

describe('mini-program codes (getwxacodeunlimit)', () => {
  it("generates a bin's code once with its scene and scan page, then serves it from the cache", async () => {
    const bin = await createBin(d(), tree, []);
    const first = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
    expect(first.status).toBe(200);
    expect(first.body.contentType).toBe('image/jpeg');
    const bytes = Buffer.from(first.body.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.toString('latin1')).toContain(`b=${bin.code}`);
    const calls = wx.wxacodes.length;
    expect(wx.wxacodes.at(-1)).toEqual({ scene: `b=${bin.code}`, page: 'pkg-scan/bin/index', envVersion: 'release' });
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

  it("is for cadres of the bin's village only", async () => {
    const bin = await createBin(d(), tree, []);
    const villager = await tokenFor(d(), (await createPersonWithRole(d(), tree, 'villager')).personId);
    expect((await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: villager })).status).toBe(403);
    const elsewhere = await createOrgTree(d(), { villages: 1, courtyards: 1 });
    const otherCadre = await tokenFor(d(), (await createPersonWithRole(d(), elsewhere, 'village_cadre')).personId);
    expect((await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: otherCadre })).status).toBe(403);
  });

  it('caches a code per env_version, so stickers printed for the trial never open the trial after release', async () => {
    const bin = await createBin(d(), tree, []);
    const get = async (state: string) => {
      setEnv(wxEnv({ WECHAT_MINIPROGRAM_STATE: state }));
      const r = await api.call('GET', `/api/bins/${bin.code}/wxacode`, { token: cadre });
      expect(r.status).toBe(200);
      return r.body.base64 as string;
    };
    const asked = () => wx.wxacodes.filter((w) => w.scene === `b=${bin.code}`).map((w) => w.envVersion);
    try {
      const trial = await get('trial');
      expect(asked()).toEqual(['trial']);
      expect(await get('trial')).toBe(trial);
      expect(asked()).toEqual(['trial']);
      await get('formal');
      expect(asked()).toEqual(['trial', 'release']);
      await get('formal');
      await get('developer');
      expect(await get('trial')).toBe(trial);
      expect(asked()).toEqual(['trial', 'release', 'develop']);
      const rows = await d().execute(sql`select env_version from bin_code_images where bin_id = ${bin.id} order by env_version`);
      expect((rows as unknown as { rows: { env_version: string }[] }).rows.map((r) => r.env_version)).toEqual(['develop', 'release', 'trial']);
    } finally {
      setEnv(wxEnv());
    }
  });

  it('is refused by WeChat (40097) for a version it does not know, as the fake checks every call above', async () => {
    const req = { scene: 'b=ENVCHECK', page: 'pkg-scan/bin/index', envVersion: 'formal' } as unknown as TWxaCodeRequest;
    const before = wx.wxacodes.length;
    await expect(fetchWxaCode(d(), wechatConfig(wxEnv()), () => new Date(), req)).rejects.toMatchObject({ failure: { kind: 'permanent', errcode: 40097 } });
    expect(wx.wxacodes.length).toBe(before);
  });
});

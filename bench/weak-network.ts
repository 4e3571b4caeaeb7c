/**
 * bench/weak-network: a villager scans a bin sticker on a weak rural network. Opens the bin
 * page of the H5 build (dist/h5, built beforehand: npm run build:h5) in Chromium, signed in,
 * cold cache, under CDP network throttling, and prints bytes on the wire and seconds until the
 * 报告已满 button shows (and until the bin's label has loaded), for the host serving every
 * asset uncompressed ("before") and the host as deployed ("after"), same process, alternating
 * runs, medians. Goal: under 3 s. Usage: npx tsx bench/weak-network.ts [runs=5] [--list]
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { migrateDb, openDb } from '../db/client';
import { seedDemo } from '../db/seed/demo';
import { setDb } from '../functions/_lib/db';
import { parseEnv, setEnv } from '../functions/runtime/env';
import { createHost } from '../functions/_lib/host';

const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const list = process.argv.includes('--list');
const H5 = path.resolve(__dirname, '../dist/h5');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The "3G" profile of issue 11 (DevTools' Regular 3G): kbit = 1000 bit. */
const PROFILE = { downKbit: 750, upKbit: 250, latencyMs: 100 };

type TRun = { bytes: number; requests: number; buttonS: number; labelS: number; files: { url: string; bytes: number }[] };

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${url} → ${r.status}`);
  return (await r.json()) as T;
}
async function get<T>(url: string, token: string): Promise<T> {
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`${url} → ${r.status}`);
  return (await r.json()) as T;
}

/** A villager's token and an active bin of their village (石坝村 in the demo seed), through the API. */
async function villagerAndBin(base: string) {
  type TPerson = { id: string; role: string; scopeName: string };
  const { people } = (await (await fetch(`${base}/api/auth/dev-people`)).json()) as { people: TPerson[] };
  const token = async (p: TPerson) => (await post<{ token: string }>(`${base}/api/auth/dev-login`, { personId: p.id })).token;
  const cadre = await token(people.find((p) => p.role === 'village_cadre' && p.scopeName === '石坝村')!);
  const villageId = (await get<{ roles: { role: string; scopeId: string }[] }>(`${base}/api/me`, cadre)).roles.find((r) => r.role === 'village_cadre')!.scopeId;
  const { items } = await get<{ items: { label: string; state: string; h5Url: string }[] }>(`${base}/api/villages/${villageId}/bins`, cadre);
  const bin = items.find((b) => b.state === 'active')!;
  for (const p of people.filter((x) => x.role === 'villager')) {
    const t = await token(p);
    if ((await get<{ village: { id: string } | null }>(`${base}/api/me`, t)).village?.id === villageId) {
      return { token: t, label: bin.label, h5Path: bin.h5Url.slice(new URL(bin.h5Url).origin.length) };
    }
  }
  throw new Error('the demo seed has no villager in the village of its bins');
}

async function openBinPage(browser: Browser, base: string, who: Awaited<ReturnType<typeof villagerAndBin>>): Promise<TRun> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // signed in already, as Taro's setStorageSync leaves it
  await context.addInitScript((t) => localStorage.setItem('xyj.token', JSON.stringify({ data: t })), who.token);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downKbit * 1000) / 8,
    uploadThroughput: (PROFILE.upKbit * 1000) / 8,
  });
  const urls = new Map<string, string>();
  const files: { url: string; bytes: number }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => files.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));
  const started = performance.now();
  await page.goto(base + who.h5Path, { waitUntil: 'commit' });
  await page.locator('[data-testid="bin-report"]:visible').waitFor({ timeout: 120_000 });
  const buttonS = (performance.now() - started) / 1000;
  await page.locator('[data-testid="bin-label"]:visible', { hasText: who.label }).waitFor({ timeout: 120_000 });
  const labelS = (performance.now() - started) / 1000;
  const snapshot = [...files];
  await context.close();
  return { bytes: snapshot.reduce((s, f) => s + f.bytes, 0), requests: snapshot.length, buttonS, labelS, files: snapshot };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 missing: run npm run build:h5 first');
  setEnv(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ALLOW_DEV_LOGIN: '1', DISPATCH_KICK: '0' }));
  const h = await openDb({ dataDir: 'memory://' });
  await migrateDb(h);
  await seedDemo(h.db);
  setDb(h);
  const hosts = { before: createHost({ staticDir: H5, precompressed: false }), after: createHost({ staticDir: H5 }) };
  const bases = { before: await listen(hosts.before), after: await listen(hosts.after) };
  const who = await villagerAndBin(bases.after);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const results: Record<'before' | 'after', TRun[]> = { before: [], after: [] };
  await openBinPage(browser, bases.after, who); // warm-up: the host's first reads, Chromium's first start
  for (let i = 0; i < runs; i++) {
    for (const k of ['before', 'after'] as const) results[k].push(await openBinPage(browser, bases[k], who));
  }
  await browser.close();
  for (const s of Object.values(hosts)) await new Promise((r) => s.close(r));
  await h.close();

  console.log(`bin page ${who.h5Path.split('?')[0]}, signed in, cold cache; ${runs} runs each, medians`);
  console.log(`network: ${PROFILE.downKbit} kbit/s down, ${PROFILE.upKbit} kbit/s up, ${PROFILE.latencyMs} ms latency (CDP Network.emulateNetworkConditions)`);
  const row = (k: 'before' | 'after', what: string) => {
    const r = results[k];
    return `${what.padEnd(34)} ${(median(r.map((x) => x.bytes)) / 1024).toFixed(0).padStart(5)} KB  ${String(median(r.map((x) => x.requests))).padStart(3)} requests  button ${median(r.map((x) => x.buttonS)).toFixed(2)} s  label ${median(r.map((x) => x.labelS)).toFixed(2)} s`;
  };
  console.log(row('before', 'before (uncompressed)'));
  console.log(row('after', 'after (as served)'));
  const ratio = (f: (x: TRun) => number) => (median(results.after.map(f)) / median(results.before.map(f))).toFixed(2);
  console.log(`after/before: bytes ${ratio((x) => x.bytes)}, time to button ${ratio((x) => x.buttonS)}`);
  if (list) {
    for (const k of ['before', 'after'] as const) {
      console.log(`\n${k}: what loads before the bin shows`);
      for (const f of results[k][0].files) console.log(`  ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${f.url.replace(bases[k], '').slice(0, 90)}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * bench/staff-reach: a seeded village month — 66 bins filling, 2 cleaners, 12 heads, 找院长 and
 * SOS — sent through the real outbox, channel policy and channels (long-term subscribe, 公众号,
 * one-time credits, SMS) against the WeChat and Tencent Cloud SMS fakes, on a simulated clock.
 * Prints, per kind of staff, the share of tasks pushed within 60 s and the SOS reach times, for
 * this design and for the credit-only design (one-time subscriptions, no 公众号, no SMS) on the
 * same events. Usage: npx tsx bench/staff-reach.ts [days=30] [seed=7]   (DATABASE_URL → server)
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../db/client';
import { addCredits, holdLongTerm } from '../db/queries/credits';
import { acknowledgeByKey } from '../db/queries/notifications';
import { seededRandom } from '../db/seed/random';
import { createOrgTree, createPersonWithRole } from '../db/seed/factories';
import { parseEnv, setEnv, type TEnv } from '../functions/runtime/env';
import { dispatchNotifications } from '../functions/services/notifications/dispatch-notifications';
import { dispatchSteps } from '../functions/services/notifications/dispatch-steps';
import { notify, type TNotice } from '../functions/services/notifications/notify';
import { ackKeys } from '../shared/domain/channel-policy';
import type { TTemplate } from '../shared/domain/notification-templates';
import { recordOaFollower } from '../db/queries/oa-followers';
import { fakeWechatEnv, startFakeWechat, type TFakeWechat } from '../tests/helpers/fake-wechat';
import { startFakeSms, type TFakeSms } from '../tests/helpers/fake-sms';

const DAYS = Number(process.argv[2] ?? 30);
const SEED = Number(process.argv[3] ?? 7);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const TICK = 5_000; // the host's dispatcher interval (DISPATCH_INTERVAL_MS); commits also kick it at once
const START = new Date('2026-09-01T00:00:00+08:00').getTime();

/** How a member of staff can be reached in the new design. */
type TMix = 'oa' | 'long_term' | 'neither';
type TStaff = { personId: string; role: 'cleaner' | 'head' | 'cadre'; mix: TMix; phone: string; offline: [number, number][] };
type TEvent = { at: number; kind: 'bin' | 'request' | 'sos'; to: string[]; id: string };

/** The month's events and the staff's lost-signal windows, drawn once per seed so both designs see the same. */
function drawMonth(rand: () => number) {
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;
  const daytime = (t: number) => {
    const h = new Date(t).getUTCHours() + 8; // China time
    return h % 24 >= 6 && h % 24 < 21;
  };
  const events: Omit<TEvent, 'to'>[] = [];
  const binOf: number[] = [];
  for (let b = 0; b < 66; b++)
    for (let t = START + exp(3 * DAY); t < START + DAYS * DAY; t += exp(3 * DAY)) {
      if (!daytime(t)) continue; // a full bin is reported when people are about
      events.push({ at: Math.round(t), kind: 'bin', id: randomUUID() });
      binOf.push(b);
    }
  const courtyardOf: number[] = [];
  for (let t = START + exp(DAY / 3); t < START + DAYS * DAY; t += exp(DAY / 3)) {
    if (!daytime(t)) continue;
    events.push({ at: Math.round(t), kind: 'request', id: randomUUID() });
    courtyardOf.push(Math.floor(rand() * 12));
  }
  for (let t = START + exp(5 * DAY); t < START + DAYS * DAY; t += exp(5 * DAY)) {
    events.push({ at: Math.round(t), kind: 'sos', id: randomUUID() });
    courtyardOf.push(Math.floor(rand() * 12));
  }
  // each day a third of the staff lose signal for 1–3 hours of daytime (mobile data; SMS still arrives over 2G)
  const offline = Array.from({ length: 15 }, () => {
    const w: [number, number][] = [];
    for (let d = 0; d < DAYS; d++)
      if (rand() < 1 / 3) {
        const from = START + d * DAY + (7 + rand() * 10) * 3600e3;
        w.push([from, from + (1 + rand() * 2) * 3600e3]);
      }
    return w;
  });
  const taps = Array.from({ length: 15 }, () => Array.from({ length: DAYS }, () => rand() < 0.8)); // opened the app that morning
  const ackDelay = Array.from({ length: 5000 }, () => rand());
  return { events, binOf, courtyardOf, offline, taps, ackDelay };
}

type TResult = { pushed60: Record<string, [number, number]>; sosReach: number[] };

async function runDesign(design: 'reach' | 'credit-only', wx: TFakeWechat, sms: TFakeSms, month: ReturnType<typeof drawMonth>): Promise<TResult> {
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    WECHAT_API_BASE: wx.url,
    WECHAT_APP_ID: wx.appId,
    WECHAT_APP_SECRET: wx.appSecret,
    DISPATCH_KICK: '1',
  };
  const env: TEnv = parseEnv(
    design === 'reach' ? { ...base, ...fakeWechatEnv(wx), ...sms.env, WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(longTermTemplates(parseEnv(base))) } : base,
  );
  setEnv(env);
  const h = await openDb(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, poolSize: 4 } : { dataDir: 'memory://' });
  await migrateDb(h);
  const db = h.db;
  const tree = await createOrgTree(db, { villages: 1, courtyards: 12 });
  const start = new Date(START);

  // staff: cleaner 0 follows the 公众号, cleaner 1 accepted a long-term subscription; heads 0–3 follow,
  // 4–7 hold long-term subscriptions, 8–11 did neither; the cadre follows. In the credit-only design
  // the same people only ever tap 「允许」 (one credit per kind when they open the app in the morning).
  const mixes: [TStaff['role'], TMix][] = [
    ['cleaner', 'oa'],
    ['cleaner', 'long_term'],
    ...Array.from({ length: 12 }, (_, i): [TStaff['role'], TMix] => ['head', i < 4 ? 'oa' : i < 8 ? 'long_term' : 'neither']),
    ['cadre', 'oa'],
  ];
  const staff: TStaff[] = [];
  for (const [i, [role, mix]] of mixes.entries()) {
    const courtyard = role === 'head' ? i - 2 : 0;
    const p = await createPersonWithRole(db, tree, role === 'head' ? 'courtyard_head' : role === 'cleaner' ? 'cleaner' : 'village_cadre', { courtyard });
    const phone = `138${String(10000000 + i * 7919).slice(0, 8)}`;
    await db.execute(sql`update people set phone = ${phone} where id = ${p.personId}`);
    const unionid = `u-${p.personId}`;
    const openid = wx.openidFor(`staff-${p.personId}`);
    await db.execute(sql`insert into wechat_identities (person_id, app_id, openid, unionid) values (${p.personId}, ${wx.appId}, ${openid}, ${unionid})`);
    if (design === 'reach' && mix === 'oa') {
      // she followed the 公众号 (WeChat knows it; our follower record came from its subscribe push)
      const oaOpenid = wx.oa.openidFor(`staff-${p.personId}`);
      await wx.oa.follow(oaOpenid, unionid, { push: false });
      await recordOaFollower(db, { openid: oaOpenid, unionid, following: true, at: start });
    }
    if (design === 'reach' && mix === 'long_term') for (const t of ['bin_task', 'request_new', 'sos']) await holdLongTerm(db, p.personId, t, start);
    staff.push({ personId: p.personId, role, mix, phone, offline: month.offline[i] });
  }
  const cleaners = staff.filter((s) => s.role === 'cleaner');
  const heads = staff.filter((s) => s.role === 'head');
  const cadre = staff.find((s) => s.role === 'cadre')!;
  const kindOf: Record<TEvent['kind'], TTemplate> = { bin: 'bin_task', request: 'request_new', sos: 'sos' };
  const ackOf = (e: TEvent) => (e.kind === 'bin' ? ackKeys.binReport(e.id) : e.kind === 'sos' ? ackKeys.sos(e.id) : ackKeys.request(e.id));

  let bi = 0;
  let ci = 0;
  const events: TEvent[] = month.events
    .map((e) => ({
      ...e,
      to:
        e.kind === 'bin'
          ? [cleaners[month.binOf[bi++] < 33 ? 0 : 1].personId]
          : e.kind === 'request'
            ? [heads[month.courtyardOf[ci++]].personId]
            : [heads[month.courtyardOf[ci++]].personId, cadre.personId],
    }))
    .sort((a, b) => a.at - b.at);

  // the timeline: events, morning app opens (credit taps), acknowledgements; dispatch at each and on 5 s ticks while work is due
  type TItem = { at: number; run: () => Promise<void> };
  const queue: TItem[] = [];
  const push = (it: TItem) => {
    let i = queue.length;
    while (i > 0 && queue[i - 1].at > it.at) i--;
    queue.splice(i, 0, it);
  };
  let now = START;
  const busy = seededRandom(SEED + 1);
  const ctx = () => ({ db, now: () => new Date(now), env, random: () => 0.5 });
  const sctx = () => ({ ...ctx(), dbKind: h.kind, actor: null, requestId: 'sim' });
  for (const e of events)
    push({
      at: e.at,
      run: async () => {
        const notices: TNotice[] = e.to.map((recipientId) => ({
          recipientId,
          template: kindOf[e.kind],
          ackKey: ackOf(e),
          dedupeKey: `${e.id}:${recipientId}`,
          payload: payloadOf(e),
        }));
        await db.transaction((tx) => notify(sctx(), tx, notices));
        created.set(e.id, e);
      },
    });
  for (let d = 0; d < DAYS; d++)
    for (const [i, s] of staff.entries())
      if (month.taps[i][d] && (design === 'credit-only' || s.mix === 'neither'))
        push({
          at: START + d * DAY + 7 * 3600e3,
          run: async () => {
            for (const t of s.role === 'cleaner' ? ['bin_task'] : ['request_new', 'sos']) await addCredits(db, s.personId, t, 1, new Date(now));
          },
        });

  const created = new Map<string, TEvent>();
  const firstPush = new Map<string, number>(); // notification id → when a push channel took it
  const firstSms = new Map<string, number>();
  const online = (s: TStaff, t: number) => !s.offline.some(([a, b]) => t >= a && t < b);
  const byPerson = new Map(staff.map((s) => [s.personId, s]));
  const eventReach = new Map<string, number>(); // event → first time a person could see it
  let acks = 0;

  async function collect() {
    const r = await db.execute(sql`
      select n.id, n.recipient_id, n.ack_key, n.dedupe_key,
             n.push_state in ('sent', 'unknown') or exists (select 1 from notification_deliveries d where d.notification_id = n.id and d.channel <> 'sms' and d.state in ('sent', 'unknown')) as pushed,
             exists (select 1 from notification_deliveries d where d.notification_id = n.id and d.channel = 'sms' and d.state in ('sent', 'unknown')) as texted
        from notifications n where n.created_at >= ${new Date(START).toISOString()}::timestamptz`);
    for (const x of (r as unknown as { rows: { id: string; recipient_id: string; dedupe_key: string; pushed: boolean; texted: boolean }[] }).rows) {
      const eventId = x.dedupe_key.split(':')[0];
      const s = byPerson.get(x.recipient_id)!;
      if (x.pushed && !firstPush.has(x.id)) {
        firstPush.set(x.id, now);
        // seen now if she has signal, else when it comes back; then acknowledged a little later
        const seen = online(s, now) ? now : (s.offline.find(([a, b]) => now >= a && now < b)?.[1] ?? now);
        see(eventId, seen);
      }
      if (x.texted && !firstSms.has(x.id)) {
        firstSms.set(x.id, now);
        see(eventId, now);
      }
    }
  }
  function see(eventId: string, at: number) {
    const e = created.get(eventId)!;
    if (!eventReach.has(eventId) || eventReach.get(eventId)! > at) eventReach.set(eventId, at);
    const delay = (e.kind === 'sos' ? 0.3 + month.ackDelay[acks++ % 5000] * 0.7 : 1 + month.ackDelay[acks++ % 5000] * 9) * MIN;
    push({ at: at + delay, run: () => acknowledgeByKey(db, ackOf(e), new Date(now)).then(() => undefined) });
  }
  async function drain() {
    // WeChat is sometimes busy: about one push in fifty answers -1 and is retried with backoff
    if (busy() < 0.02) wx.failNext('subscribe_send', { errcode: -1, errmsg: 'system error' });
    if (busy() < 0.02) wx.failNext('oa_template_send', { errcode: -1, errmsg: 'system error' });
    for (;;) {
      const a = await dispatchNotifications(ctx(), { limit: 100 });
      const b = await dispatchSteps(ctx(), { limit: 100 });
      if (a.claimed + b.claimed === 0) break;
    }
    await collect();
  }
  async function nextDue(): Promise<number | null> {
    const r = await db.execute(sql`select least(
        (select min(run_at) from notifications where state = 'pending'),
        (select min(locked_until) from notifications where state = 'processing'),
        (select min(step_due_at) from notifications where step_due_at is not null)) as t`);
    const t = (r as unknown as { rows: { t: string | null }[] }).rows[0].t;
    return t ? Math.ceil(new Date(t).getTime() / TICK) * TICK : null;
  }

  while (queue.length) {
    const due = await nextDue();
    if (due !== null && due < queue[0].at) {
      now = Math.max(now, due);
      await drain();
      continue;
    }
    const it = queue.shift()!;
    now = Math.max(now, it.at);
    await it.run();
    await drain(); // the commit's kick
  }

  // figures
  const rows = await db.execute(
    sql`select id, recipient_id, template, created_at, dedupe_key from notifications where created_at >= ${new Date(START).toISOString()}::timestamptz`,
  );
  const pushed60: TResult['pushed60'] = {};
  for (const x of (rows as unknown as { rows: { id: string; recipient_id: string; template: string; created_at: string }[] }).rows) {
    if (x.template === 'sos') continue;
    const s = byPerson.get(x.recipient_id)!;
    const key =
      design === 'credit-only'
        ? `${s.role}, taps 允许 only`
        : `${s.role}, ${s.mix === 'oa' ? 'follows 公众号' : s.mix === 'long_term' ? 'long-term subscription' : 'taps 允许 only'}`;
    const t = firstPush.get(x.id);
    const ok = t !== undefined && t - new Date(x.created_at).getTime() <= 60_000;
    pushed60[key] ??= [0, 0];
    pushed60[key][0] += ok ? 1 : 0;
    pushed60[key][1] += 1;
  }
  const sosReach = events.filter((e) => e.kind === 'sos').map((e) => (eventReach.has(e.id) ? eventReach.get(e.id)! - e.at : Infinity));
  await h.close();
  return { pushed60, sosReach };
}

function payloadOf(e: TEvent): TNotice['payload'] {
  const at = new Date(e.at).toISOString();
  if (e.kind === 'bin') return { binLabel: `B-${e.id.slice(0, 4)}`, place: '桂花院东口', reportedAt: at, reportId: e.id };
  if (e.kind === 'request') return { requesterName: '李桂兰', summary: '院里路灯坏了', submittedAt: at, requestId: e.id };
  return { callerName: '王大爷', address: '桂花院3号', phone: '13800000000', callId: e.id };
}

function longTermTemplates(e: TEnv) {
  return Object.fromEntries(
    Object.entries(e.WECHAT_SUBSCRIBE_TEMPLATES).map(([k, v]) => [k, { ...v, longTerm: ['bin_task', 'request_new', 'sos'].includes(k) }]),
  );
}

async function main() {
  const wx = await startFakeWechat();
  const sms = await startFakeSms();
  const month = drawMonth(seededRandom(SEED));
  console.log(
    `village month: ${DAYS} days, seed ${SEED}, ${month.events.length} events (${month.events.filter((e) => e.kind === 'bin').length} full bins, ${month.events.filter((e) => e.kind === 'request').length} 找院长, ${month.events.filter((e) => e.kind === 'sos').length} SOS); database ${process.env.DATABASE_URL ? 'server' : 'PGlite'}`,
  );
  for (const design of ['reach', 'credit-only'] as const) {
    const r = await runDesign(design, wx, sms, month);
    console.log(
      `\n${design === 'reach' ? 'this design (long-term → 公众号 → one-time, SMS when unacknowledged)' : "today's credit-only design (one-time subscriptions only)"}`,
    );
    for (const [k, [ok, n]] of Object.entries(r.pushed60).sort())
      console.log(`  ${((100 * ok) / n).toFixed(1).padStart(5)}% of ${String(n).padStart(4)} tasks pushed within 60 s — ${k}`);
    const sure = Object.entries(r.pushed60).filter(([k]) => /公众号|long-term/.test(k) && !k.includes('taps'));
    if (sure.length) {
      const [ok, n] = sure.reduce(([a, b], [, [x, y]]) => [a + x, b + y], [0, 0]);
      console.log(
        `  ${((100 * ok) / n).toFixed(1).padStart(5)}% of ${String(n).padStart(4)} tasks pushed within 60 s — all staff who follow the 公众号 or hold a long-term subscription (goal ≥ 99%)`,
      );
    }
    const fin = r.sosReach.filter((x) => Number.isFinite(x));
    const within2 = r.sosReach.filter((x) => x <= 2 * MIN).length;
    console.log(
      `  SOS reached a person within 2 min: ${within2}/${r.sosReach.length}; reach times ${r.sosReach.map((x) => (Number.isFinite(x) ? `${Math.round(x / 1000)} s` : 'never')).join(', ')}${fin.length ? `; worst ${Math.round(Math.max(...fin) / 1000)} s` : ''}`,
    );
  }
  await wx.stop();
  await sms.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

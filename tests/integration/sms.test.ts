import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { listDeliveries } from '../../db/queries/deliveries';
import { updatePerson } from '../../db/queries/people';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { setEnv } from '../../functions/runtime/env';
import type { TServiceContext } from '../../functions/services/context';
import type { TSmsConfig } from '../../functions/services/sms/config';
import { sendSms, type TSmsMessage } from '../../functions/services/sms/send-sms';
import { signTc3 } from '../../functions/services/sms/tc3';
import { dispatchNotifications, SimulatedCrash } from '../../functions/services/notifications/dispatch-notifications';
import { dispatchSteps } from '../../functions/services/notifications/dispatch-steps';
import { notify } from '../../functions/services/notifications/notify';
import { ackSos } from '../../functions/services/sos/ack-sos';
import { raiseSos } from '../../functions/services/sos/raise-sos';
import { runDueWork } from '../../functions/services/work/run-due-work';
import type { TTemplate } from '../../shared/domain/notification-templates';
import { startFakeSms, type TFakeSms } from '../helpers/fake-sms';
import { testEnv, useTestDb } from '../helpers/db';
import { actorCtx, TestClock, workCtx } from '../helpers/work';

/**
 * The SMS channel (decision 015) through the fake Tencent Cloud SMS: what must not wait reaches a
 * phone, once, and only while nobody acknowledged it; a quota is a failure cadres read. Last, the
 * client alone against the fake, which recomputes every signature.
 */
const db = useTestDb();
const d = () => db.handle().db;
const MIN = 60_000;
let sms: TFakeSms;
let tree: TOrgTree;
let clock: TestClock;

beforeAll(async () => {
  sms = await startFakeSms();
  setEnv(testEnv(sms.env));
  tree = await createOrgTree(d(), { villages: 1, courtyards: 2 });
});
afterAll(() => sms.stop());
let hour = 0;
beforeEach(() => {
  clock = new TestClock(Date.now() + ++hour * 3600e3);
});

let phones = 0;
/** A person with a number of their own: the fake counts its quotas per number. */
async function staff(role: 'courtyard_head' | 'cleaner' | 'village_cadre', phone: string | null = `1390000${String(++phones).padStart(4, '0')}`) {
  const { personId } = await createPersonWithRole(d(), tree, role, { courtyard: 0 }, '王院长');
  await updatePerson(d(), personId, { phone });
  return { personId, e164: phone ? `+86${phone}` : null };
}

const textsTo = (e164: string | null) => sms.sent.filter((m) => m.phone === e164);

const sctx = (): TServiceContext => ({ db: d(), dbKind: 'pglite', now: clock.now, actor: null, requestId: 't', env: testEnv(sms.env) });

async function tell(personId: string, template: TTemplate, payload: Record<string, string>, ackKey = `t:${randomUUID()}`) {
  const dedupeKey = `t:${randomUUID()}`;
  await d().transaction((tx) => notify(sctx(), tx, [{ recipientId: personId, template, payload, dedupeKey, ackKey }]));
  const r = await d().execute(sql`select id from notifications where dedupe_key = ${dedupeKey}`);
  return (r as unknown as { rows: { id: string }[] }).rows[0].id;
}

/** Outbox passes until nothing is claimable: on the shared server database other tests' rows may be due too. */
async function drain(ctx = workCtx(d(), clock)) {
  while ((await dispatchNotifications(ctx, { limit: 200 })).claimed > 0);
}

/** Step passes until no step is due (a step given back is due again only a minute later). */
async function steps(ctx = workCtx(d(), clock)) {
  while ((await dispatchSteps(ctx, { limit: 200 })).claimed > 0);
}

async function stepOf(id: string) {
  const r = await d().execute(sql`select step, step_due_at from notifications where id = ${id}`);
  const row = (r as unknown as { rows: { step: number; step_due_at: string | null }[] }).rows[0];
  return { step: Number(row.step), dueAt: row.step_due_at ? new Date(row.step_due_at).getTime() : null };
}

const smsRecord = async (notificationId: string) => (await listDeliveries(d(), notificationId)).find((x) => x.channel === 'sms');

describe('一键呼叫 by SMS', () => {
  async function caller() {
    const { personId } = await createPersonWithRole(d(), tree, 'villager', { courtyard: 0 }, '孙奶奶');
    await d().execute(sql`update people set elderly = true, phone = '13912345678' where id = ${personId}`);
    return personId;
  }

  it('texts the head once when nobody acknowledged the call in its first minute, naming nobody', async () => {
    const head = await staff('courtyard_head');
    await raiseSos(await actorCtx(d(), await caller(), clock));
    await runDueWork(workCtx(d(), clock));
    expect(textsTo(head.e164)).toEqual([]); // the push went at once; the text waits a minute
    clock.advance(MIN + 1000);
    await runDueWork(workCtx(d(), clock));
    expect(textsTo(head.e164)).toEqual([expect.objectContaining({ templateId: '100004', params: [], signName: '小院家' })]);
    clock.advance(MIN);
    await runDueWork(workCtx(d(), clock));
    expect(textsTo(head.e164)).toHaveLength(1);
  });

  it('sends nothing once the head said 我去 within the minute', async () => {
    const head = await staff('courtyard_head');
    const { call } = await raiseSos(await actorCtx(d(), await caller(), clock));
    await runDueWork(workCtx(d(), clock));
    clock.advance(30_000);
    await ackSos(await actorCtx(d(), head.personId, clock), call.id);
    clock.advance(MIN);
    await runDueWork(workCtx(d(), clock));
    expect(textsTo(head.e164)).toEqual([]);
  });
});

describe('at most once', () => {
  it('never texts twice when the dispatcher died after Tencent took the message', async () => {
    const head = await staff('courtyard_head');
    const id = await tell(head.personId, 'sos', { callerName: '孙奶奶', address: '院落1-1 3号', phone: '13912345678', callId: randomUUID() });
    await drain();
    clock.advance(MIN + 1000);
    const crash = (stage: string) => {
      if (stage === 'after-send' && textsTo(head.e164).length > 0) throw new SimulatedCrash('killed after Tencent took it');
    };
    await expect(steps(workCtx(d(), clock, crash))).rejects.toBeInstanceOf(SimulatedCrash);
    expect(textsTo(head.e164)).toHaveLength(1);
    clock.advance(61_000); // the step's lease runs out: another dispatcher takes it
    await steps();
    clock.advance(61_000);
    await steps();
    expect(textsTo(head.e164)).toHaveLength(1);
    expect(await smsRecord(id)).toMatchObject({ state: 'unknown' });
  });

  it('tries again later when Tencent had trouble (InternalError), and then sends once', async () => {
    const head = await staff('courtyard_head');
    const id = await tell(head.personId, 'sos', { callId: randomUUID() });
    await drain();
    clock.advance(MIN + 1000);
    sms.failNext({ error: 'InternalError' }, head.e164!);
    await steps();
    expect(textsTo(head.e164)).toEqual([]);
    expect(await smsRecord(id)).toBeUndefined(); // the claim was given back
    expect(await stepOf(id)).toEqual({ step: 1, dueAt: clock.now().getTime() + MIN });
    clock.advance(MIN);
    await steps();
    expect(textsTo(head.e164)).toHaveLength(1);
    expect(await smsRecord(id)).toMatchObject({ state: 'sent' });
  });
});

describe('quotas, numbers and configuration', () => {
  it("fails for good on the number's daily quota, with the reason cadres read, and does not retry", async () => {
    const cleaner = await staff('cleaner');
    sms.setLimits({ daily: 1 });
    try {
      const first = await tell(cleaner.personId, 'bin_task', { binLabel: '07号桶', place: '桂花院', reportId: randomUUID() });
      const second = await tell(cleaner.personId, 'bin_task', { binLabel: '08号桶', place: '桂花院', reportId: randomUUID() });
      await drain();
      clock.advance(15 * MIN + 1000); // nobody opened either task
      await steps();
      expect(textsTo(cleaner.e164)).toEqual([expect.objectContaining({ templateId: '100001', params: [expect.stringMatching(/^0[78]号桶$/)] })]);
      const records = [await smsRecord(first), await smsRecord(second)];
      expect(records.map((r) => r?.state).sort()).toEqual(['failed', 'sent']);
      const failed = records.find((r) => r?.state === 'failed');
      expect(failed?.detail).toBe('短信未发出：该号码今日接收短信已达上限，今日不再重试（LimitExceeded.PhoneNumberDailyLimit）');
      const refusals = () => sms.refused.filter((x) => x.phone === cleaner.e164).length;
      expect(refusals()).toBe(1);
      clock.advance(2 * 3600e3);
      await steps();
      expect(refusals()).toBe(1); // not asked again
      expect([await stepOf(first), await stepOf(second)]).toEqual([
        { step: 2, dueAt: null },
        { step: 2, dueAt: null },
      ]);
    } finally {
      sms.setLimits({ daily: 10 });
    }
  });

  it('texts a cadre about an overdue bin at once, beside the push', async () => {
    const cadre = await staff('village_cadre');
    const id = await tell(cadre.personId, 'bin_overdue', { binLabel: '12号桶', place: '' });
    await drain();
    expect(textsTo(cadre.e164)).toEqual([expect.objectContaining({ templateId: '100002', params: ['12号桶'], sessionContext: id })]);
  });

  it('is unavailable without a mobile number: nothing is claimed, nothing sent', async () => {
    for (const phone of [null, '010-62345678']) {
      const head = await staff('courtyard_head', phone);
      const id = await tell(head.personId, 'sos', { callId: randomUUID() });
      await drain();
      clock.advance(MIN + 1000);
      await steps();
      expect(await smsRecord(id)).toBeUndefined();
      expect(await stepOf(id)).toEqual({ step: 2, dueAt: null });
    }
  });

  it('fails, and says which key, when the configured variables are not in this kind of notification', async () => {
    const cadre = await staff('village_cadre');
    const templates = JSON.stringify({ bin_overdue: { id: '100002', params: ['courtyardName'] } });
    setEnv(testEnv({ ...sms.env, TENCENT_SMS_TEMPLATES: templates }));
    try {
      const id = await tell(cadre.personId, 'bin_overdue', { binLabel: '12号桶', place: '' });
      await drain();
      expect((await smsRecord(id))?.detail).toContain('courtyardName');
      expect(textsTo(cadre.e164)).toEqual([]);
    } finally {
      setEnv(testEnv(sms.env));
    }
  });

  it('is unavailable while SMS is off', async () => {
    setEnv(testEnv());
    try {
      const cadre = await staff('village_cadre');
      const id = await tell(cadre.personId, 'bin_overdue', { binLabel: '12号桶', place: '' });
      await drain();
      expect(await smsRecord(id)).toBeUndefined();
      expect(textsTo(cadre.e164)).toEqual([]);
    } finally {
      setEnv(testEnv(sms.env));
    }
  });
});

describe('the client against the fake Tencent Cloud SMS', () => {
  let fake: TFakeSms;
  let cfg: TSmsConfig;
  let n = 0;
  // a fresh number per test: the fake's quotas count per number
  const msg = (over: Partial<TSmsMessage> = {}): TSmsMessage => ({
    phone: `+86137000${String(++n).padStart(5, '0')}`,
    templateId: '100001',
    params: ['07号桶'],
    ...over,
  });

  beforeAll(async () => {
    fake = await startFakeSms();
    cfg = {
      secretId: fake.secretId,
      secretKey: fake.secretKey,
      sdkAppId: fake.sdkAppId,
      signName: fake.signName,
      region: 'ap-guangzhou',
      endpoint: fake.url,
      timeoutMs: 300,
    };
  });
  afterAll(() => fake.stop());

  it('sends: the fake recomputed the signature from what arrived and recorded number, template and variables', async () => {
    const m = msg({ sessionContext: 'n-1' });
    expect(await sendSms(cfg, m)).toMatchObject({ kind: 'sent', serialNo: expect.any(String) });
    expect(fake.sent.at(-1)).toMatchObject({ phone: m.phone, templateId: '100001', params: ['07号桶'], signName: '小院家', sessionContext: 'n-1' });
  });

  it('is refused with AuthFailure.SignatureFailure when signed with another secret', async () => {
    const r = await sendSms({ ...cfg, secretKey: 'not-the-secret' }, msg());
    expect(r).toMatchObject({ kind: 'permanent', code: 'AuthFailure.SignatureFailure' });
  });

  it('is refused when the body differs from the one signed (tampered in transit)', async () => {
    const payload = JSON.stringify({
      PhoneNumberSet: ['+8613700099999'],
      SmsSdkAppId: cfg.sdkAppId,
      SignName: cfg.signName,
      TemplateId: '100001',
      TemplateParamSet: ['07号桶'],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const host = new URL(fake.url).host;
    const { authorization } = signTc3({ secretId: cfg.secretId, secretKey: cfg.secretKey, service: 'sms', host, timestamp, payload });
    const headers = {
      Authorization: authorization,
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'SendSms',
      'X-TC-Version': '2021-01-11',
      'X-TC-Region': 'ap-guangzhou',
      'X-TC-Timestamp': String(timestamp),
    };
    const post = async (body: string) =>
      (await (await fetch(fake.url, { method: 'POST', headers, body })).json()) as { Response: { Error?: { Code: string } } };
    expect((await post(payload.replace('+8613700099999', '+8613700088888'))).Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
    expect((await post(payload)).Response.Error).toBeUndefined(); // the very same request, untouched, goes
  });

  it('is refused when the Host it signed is not the Host it reached', async () => {
    const payload = JSON.stringify({
      PhoneNumberSet: [msg().phone],
      SmsSdkAppId: cfg.sdkAppId,
      SignName: cfg.signName,
      TemplateId: '100001',
      TemplateParamSet: ['07号桶'],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = signTc3({ secretId: cfg.secretId, secretKey: cfg.secretKey, service: 'sms', host: 'sms.tencentcloudapi.com', timestamp, payload });
    const r = await fetch(fake.url, {
      method: 'POST',
      headers: {
        Authorization: signed.authorization,
        'Content-Type': 'application/json; charset=utf-8',
        'X-TC-Action': 'SendSms',
        'X-TC-Version': '2021-01-11',
        'X-TC-Region': 'ap-guangzhou',
        'X-TC-Timestamp': String(timestamp),
      },
      body: payload,
    });
    expect(((await r.json()) as { Response: { Error?: { Code: string } } }).Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('answers AuthFailure.SignatureExpire for a timestamp more than 5 minutes off (retried: the clock is ours to fix)', async () => {
    expect(await sendSms(cfg, msg(), () => Date.now() - 6 * 60_000)).toMatchObject({ kind: 'retry', code: 'AuthFailure.SignatureExpire' });
    expect(await sendSms(cfg, msg(), () => Date.now() + 4 * 60_000)).toMatchObject({ kind: 'sent' });
  });

  it('refuses an unknown secret id, template, signature or a wrong number of variables for good', async () => {
    expect(await sendSms({ ...cfg, secretId: 'AKIDother' }, msg())).toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
    expect(await sendSms(cfg, msg({ templateId: '999999' }))).toMatchObject({ kind: 'permanent', code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    expect(await sendSms({ ...cfg, signName: '别的签名' }, msg())).toMatchObject({ code: 'FailedOperation.SignatureIncorrectOrUnapproved' });
    expect(await sendSms(cfg, msg({ params: [] }))).toMatchObject({ code: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate' });
    expect(await sendSms(cfg, msg({ params: ['一二三四五六七八九十一二三'] }))).toMatchObject({ code: 'InvalidParameterValue.TemplateParameterLengthLimit' });
    expect(await sendSms(cfg, msg({ phone: '+8612345' }))).toMatchObject({ kind: 'permanent', code: 'InvalidParameterValue.IncorrectPhoneNumber' });
  });

  it('enforces the per-number quotas: 30 s (retry), the hour and the day (limited)', async () => {
    const m = msg();
    expect((await sendSms(cfg, m)).kind).toBe('sent');
    expect(await sendSms(cfg, m)).toMatchObject({ kind: 'retry', code: 'LimitExceeded.PhoneNumberThirtySecondLimit' });
    fake.setLimits({ daily: 1 });
    try {
      expect(await sendSms(cfg, m)).toMatchObject({ kind: 'limited', code: 'LimitExceeded.PhoneNumberDailyLimit' });
      expect((await sendSms(cfg, msg())).kind).toBe('sent'); // another number is not limited
    } finally {
      fake.setLimits({ daily: 10 });
    }
  });

  it('retries what Tencent did not take: InternalError, RequestLimitExceeded, a 502, a timeout, garbage', async () => {
    fake.failNext({ error: 'InternalError' });
    expect((await sendSms(cfg, msg())).kind).toBe('retry');
    fake.failNext({ error: 'RequestLimitExceeded', message: '请求的次数超过了频率限制。' });
    expect((await sendSms(cfg, msg())).kind).toBe('retry');
    fake.failNext({ httpStatus: 502 });
    expect((await sendSms(cfg, msg())).kind).toBe('retry');
    fake.failNext({ garbage: true });
    expect((await sendSms(cfg, msg())).kind).toBe('retry');
    fake.failNext({ delayMs: 800 });
    expect(await sendSms(cfg, msg())).toMatchObject({ kind: 'retry', code: 'network' });
  });
});

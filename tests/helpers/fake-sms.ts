import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Per-number quotas, as the SMS console sets them (its defaults for mainland numbers). */
export type TSmsLimits = { thirtySeconds: number; oneHour: number; daily: number };
export const DEFAULT_SMS_LIMITS: TSmsLimits = { thirtySeconds: 1, oneHour: 5, daily: 10 };

/** How the next correctly signed SendSms should fail. */
export type TSmsFault =
  | { error: string; message?: string } // Response.Error (InternalError, RequestLimitExceeded, …): nothing sent
  | { status: string; message?: string } // SendStatusSet[0].Code for the number (FailedOperation.PhoneNumberInBlacklist, …)
  | { httpStatus: number } // the gateway fails
  | { delayMs: number } // hang (the client should time out); the message is then sent, as a slow Tencent would
  | { garbage: true }; // not JSON

export type TSmsRecord = { phone: string; templateId: string; params: string[]; signName: string; sessionContext?: string; at: number };

export type TFakeSms = {
  url: string;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  /** the TENCENT_SMS_* settings that point the server at this fake */
  env: Record<string, string>;
  /** messages accepted (SendStatusSet Code Ok), in order */
  sent: TSmsRecord[];
  /** every SendSms answered with an error or a non-Ok status: the code */
  refused: { code: string; phone?: string }[];
  /** Queue a fault for the next correctly signed SendSms (only one to `phone`, E.164, when given). */
  failNext: (fault: TSmsFault, phone?: string) => void;
  setLimits: (limits: Partial<TSmsLimits>) => void;
  stop: () => Promise<void>;
};

/** Approved templates of the fake account: id → how many variables ({1}, {2}, …). The env defaults. */
export const FAKE_SMS_TEMPLATES: Record<string, number> = { '100001': 1, '100002': 1, '100003': 0, '100004': 0 };

const CHINA_MS = 8 * 3600_000;
const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest();

/**
 * A loopback stand-in for sms.tencentcloudapi.com answering SendSms (API 3.0, 2021-01-11) as
 * Tencent documents it. It recomputes the TC3-HMAC-SHA256 signature from the request as
 * received — the headers named in SignedHeaders, the body bytes, the credential scope — with
 * its own implementation, and answers `Response.Error` AuthFailure.SignatureFailure when it
 * differs, AuthFailure.SignatureExpire when X-TC-Timestamp is more than 5 minutes off its
 * clock, AuthFailure.SecretIdNotFound, AuthFailure.InvalidAuthorization, MissingParameter,
 * InvalidAction / NoSuchVersion; then the SMS checks: the SdkAppId
 * (InvalidParameterValue.SdkAppIdNotExist), the approved signature
 * (FailedOperation.SignatureIncorrectOrUnapproved), template id
 * (FailedOperation.TemplateIncorrectOrUnapproved) and its number of variables
 * (FailedOperation.TemplateParamSetNotMatchApprovedTemplate), a variable over 12 characters
 * (InvalidParameterValue.TemplateParameterLengthLimit). Per number, in SendStatusSet:
 * InvalidParameterValue.IncorrectPhoneNumber, and the console's quotas —
 * LimitExceeded.PhoneNumberDailyLimit (China calendar day), PhoneNumberOneHourLimit,
 * PhoneNumberThirtySecondLimit. Not Tencent: `GET /fake/messages[?phone=+86…]` lists what it
 * accepted, for a person driving it by hand (`npm run fake-sms`) or a browser test.
 */
export async function startFakeSms(
  opts: {
    port?: number;
    secretId?: string;
    secretKey?: string;
    sdkAppId?: string;
    signName?: string;
    templates?: Record<string, number>;
    limits?: Partial<TSmsLimits>;
    /** the fake's clock (unix ms): signatures are checked against it, quotas counted by it */
    now?: () => number;
  } = {},
): Promise<TFakeSms> {
  const secretId = opts.secretId ?? 'AKIDfakesms0000000000000000000000000';
  const secretKey = opts.secretKey ?? 'fake-sms-secret-key-0000000000000';
  const sdkAppId = opts.sdkAppId ?? '1400000001';
  const signName = opts.signName ?? '小院家';
  const templates = opts.templates ?? FAKE_SMS_TEMPLATES;
  const now = opts.now ?? Date.now;
  let limits: TSmsLimits = { ...DEFAULT_SMS_LIMITS, ...opts.limits };
  const faults: { fault: TSmsFault; phone?: string }[] = [];
  const sent: TSmsRecord[] = [];
  const refused: TFakeSms['refused'] = [];

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const requestId = randomUUID();
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const error = (code: string, message: string) => {
      refused.push({ code });
      answer(200, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
    };
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/fake/messages') {
      const phone = url.searchParams.get('phone');
      return answer(200, { messages: sent.filter((m) => !phone || m.phone === phone) });
    }
    if (req.method !== 'POST' || url.pathname !== '/') return error('InvalidParameter', 'This fake serves SendSms as a JSON POST to /.');

    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(',') : v;
    };
    for (const h of ['authorization', 'content-type', 'host', 'x-tc-action', 'x-tc-version', 'x-tc-timestamp', 'x-tc-region'])
      if (!header(h)) return error('MissingParameter', `The request is missing a required parameter \`${h}\`.`);
    if (header('x-tc-action') !== 'SendSms') return error('InvalidAction', `The requested action \`${header('x-tc-action')}\` does not exist.`);
    if (header('x-tc-version') !== '2021-01-11')
      return error('NoSuchVersion', `The requested version \`${header('x-tc-version')}\` of SendSms does not exist.`);
    if (!/^application\/json/i.test(header('content-type')!)) return error('InvalidParameter', 'SendSms takes Content-Type: application/json.');

    // ---- TC3-HMAC-SHA256, recomputed from what arrived
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      header('authorization')!,
    );
    if (!auth) return error('AuthFailure.InvalidAuthorization', 'Authorization 不符合腾讯云标准。');
    const [, credId, credDate, credService, signedHeaders, signature] = auth;
    const timestamp = Number(header('x-tc-timestamp'));
    if (!Number.isInteger(timestamp)) return error('InvalidParameter', 'X-TC-Timestamp must be unix seconds.');
    if (Math.abs(now() / 1000 - timestamp) > 300)
      return error('AuthFailure.SignatureExpire', '签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。');
    if (credId !== secretId) return error('AuthFailure.SecretIdNotFound', '密钥不存在。请在控制台检查密钥是否已被删除或者禁用。');
    const names = signedHeaders.split(';');
    const badSignature = () =>
      error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    if (!names.includes('content-type') || !names.includes('host') || [...names].sort().join(';') !== signedHeaders) return badSignature();
    const canonicalHeaders = names.map((n) => `${n}:${(header(n) ?? '').trim().toLowerCase()}\n`).join('');
    const canonicalRequest = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256Hex(raw)}`;
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${credDate}/${credService}/tc3_request\n${sha256Hex(canonicalRequest)}`;
    const key = hmac(hmac(hmac('TC3' + secretKey, credDate), credService), 'tc3_request');
    const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
    if (credDate !== date || credService !== 'sms' || expected !== signature) return badSignature();

    // ---- SendSms itself
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error('FailedOperation.JsonParseFail', '解析请求包体时候失败。');
    }
    const phones = body.PhoneNumberSet;
    if (!Array.isArray(phones) || phones.length === 0)
      return error('MissingParameter.EmptyPhoneNumberSet', '传入的号码列表为空，请确认您的参数中是否传入号码。');
    if (phones.length > 200) return error('LimitExceeded.PhoneNumberCountLimit', '调用接口单次提交的手机号个数超过200个。');
    for (const f of ['SmsSdkAppId', 'TemplateId'])
      if (typeof body[f] !== 'string' || !body[f]) return error('MissingParameter', `The request is missing a required parameter \`${f}\`.`);
    if (body.SmsSdkAppId !== sdkAppId) return error('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId 不存在。');
    if (body.SignName !== signName) return error('FailedOperation.SignatureIncorrectOrUnapproved', '签名未审批或格式错误。');
    const templateId = String(body.TemplateId);
    if (!(templateId in templates)) return error('FailedOperation.TemplateIncorrectOrUnapproved', '模板未审批或内容不匹配。');
    const params = body.TemplateParamSet ?? [];
    if (!Array.isArray(params) || params.some((p) => typeof p !== 'string')) return error('InvalidParameter', 'TemplateParamSet must be an array of strings.');
    if (params.length !== templates[templateId])
      return error('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', '请求内容与审核通过的模板内容不匹配。');
    if (params.some((p: string) => Array.from(p).length > 12))
      return error('InvalidParameterValue.TemplateParameterLengthLimit', '单个模板变量字符数超过12个。');

    const first = normalise(String(phones[0]));
    const queued = faults.findIndex((f) => !f.phone || f.phone === first);
    const fault = queued < 0 ? undefined : faults.splice(queued, 1)[0].fault;
    if (fault && 'error' in fault) return error(fault.error, fault.message ?? '内部错误。');
    if (fault && 'httpStatus' in fault) return answer(fault.httpStatus, 'gateway error');
    if (fault && 'garbage' in fault) return answer(200, '<html>not json</html>');
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));

    const at = now();
    const statuses = phones.map((p: unknown) => {
      const phone = normalise(String(p));
      const status = (code: string, message: string) => {
        if (code !== 'Ok') refused.push({ code, phone: phone ?? String(p) });
        return {
          SerialNo: code === 'Ok' ? `2433:${randomUUID().replace(/-/g, '')}` : '',
          PhoneNumber: phone ?? String(p),
          Fee: code === 'Ok' ? 1 : 0,
          SessionContext: String(body.SessionContext ?? ''),
          Code: code,
          Message: message,
          IsoCode: phone ? 'CN' : '',
        };
      };
      if (!phone) return status('InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误。');
      if (fault && 'status' in fault) return status(fault.status, fault.message ?? fault.status);
      const mine = sent.filter((m) => m.phone === phone);
      const day = Math.floor((at + CHINA_MS) / 86_400_000);
      if (mine.filter((m) => Math.floor((m.at + CHINA_MS) / 86_400_000) === day).length >= limits.daily)
        return status('LimitExceeded.PhoneNumberDailyLimit', '单个手机号日下发短信条数超过设定的上限，可自行到控制台调整短信频率限制策略。');
      if (mine.filter((m) => at - m.at < 3600_000).length >= limits.oneHour)
        return status('LimitExceeded.PhoneNumberOneHourLimit', '单个手机号1小时内下发短信条数超过设定的上限，可自行到控制台调整短信频率限制策略。');
      if (mine.filter((m) => at - m.at < 30_000).length >= limits.thirtySeconds)
        return status('LimitExceeded.PhoneNumberThirtySecondLimit', '单个手机号30秒内下发短信条数超过设定的上限，可自行到控制台调整短信频率限制策略。');
      sent.push({ phone, templateId, params: params as string[], signName, sessionContext: body.SessionContext as string | undefined, at });
      return status('Ok', 'send success');
    });
    answer(200, { Response: { SendStatusSet: statuses, RequestId: requestId } });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    secretId,
    secretKey,
    sdkAppId,
    signName,
    env: {
      SMS_ENABLED: '1',
      TENCENT_SMS_ENDPOINT: url,
      TENCENT_SMS_SECRET_ID: secretId,
      TENCENT_SMS_SECRET_KEY: secretKey,
      TENCENT_SMS_SDK_APP_ID: sdkAppId,
      TENCENT_SMS_SIGN_NAME: signName,
    },
    sent,
    refused,
    failNext: (fault, phone) => void faults.push({ fault, phone }),
    setLimits: (l) => void (limits = { ...limits, ...l }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What Tencent accepts for a mainland number: +86, 0086, 86 or none before 11 digits; else + and 7–15 digits. */
function normalise(p: string): string | null {
  const m = /^(?:\+86|0086|86)?(1\d{10})$/.exec(p);
  if (m) return `+86${m[1]}`;
  return /^\+(?!86)[1-9]\d{6,14}$/.test(p) ? p : null;
}

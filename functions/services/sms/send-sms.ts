import type { TSmsConfig } from './config';
import { signTc3, TC3_CONTENT_TYPE } from './tc3';

export type TSmsMessage = {
  /** E.164, e.g. +8613800000000 (shared/domain/sms.ts toE164) */
  phone: string;
  templateId: string;
  /** the template's {1}, {2}, … in order */
  params: string[];
  /** echoed back by Tencent (and in its delivery receipts): our notification id, nothing personal */
  sessionContext?: string;
};

/**
 * How a SendSms call ended: `sent`; `limited` (a per-number or account quota: sending again
 * today would be refused too, so cadres see it); `permanent` (bad number, template, signature,
 * keys: retrying cannot help); `retry` (network, timeout, Tencent's internal errors, request
 * rate limits, the 30-second limit: Tencent did not take it, a later attempt may go).
 */
export type TSmsFailure = { kind: 'limited' | 'permanent' | 'retry'; code: string; reason: string };
export type TSmsResult = { kind: 'sent'; serialNo: string } | TSmsFailure;

export const SMS_API_VERSION = '2021-01-11';
const SERVICE = 'sms';

/** What cadres read for the codes they will meet; anything else shows Tencent's own message. */
const REASONS: Record<string, string> = {
  'LimitExceeded.PhoneNumberDailyLimit': '该号码今日接收短信已达上限，今日不再重试',
  'LimitExceeded.PhoneNumberOneHourLimit': '该号码1小时内接收短信已达上限',
  'LimitExceeded.PhoneNumberSameContentDailyLimit': '该号码今日已收到过相同内容的短信',
  'LimitExceeded.DeliveryFrequencyLimit': '命中短信频率限制策略',
  'LimitExceeded.AppDailyLimit': '今日短信总量已达上限',
  'LimitExceeded.DailyLimit': '今日短信总量已达上限',
  'LimitExceeded.PhoneNumberThirtySecondLimit': '该号码30秒内已收到短信，稍后重试',
  'InvalidParameterValue.IncorrectPhoneNumber': '手机号格式错误',
  'FailedOperation.PhoneNumberInBlacklist': '该号码在免打扰名单中（已退订短信）',
  'FailedOperation.SignatureIncorrectOrUnapproved': '短信签名未审核通过或格式错误',
  'FailedOperation.TemplateIncorrectOrUnapproved': '短信模板未审核通过或内容不符',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': '短信模板参数个数与模板不符',
  'FailedOperation.InsufficientBalanceInSmsPackage': '短信套餐包余量不足',
  'InvalidParameterValue.TemplateParameterLengthLimit': '短信模板参数过长',
  'InvalidParameterValue.SdkAppIdNotExist': '短信应用 SdkAppId 不存在',
  'AuthFailure.SignatureFailure': '短信接口密钥或签名计算错误',
  'AuthFailure.SecretIdNotFound': '短信接口密钥不存在',
  'AuthFailure.SignatureExpire': '服务器时间与标准时间相差超过5分钟',
};

/** Tencent Cloud SMS error codes (API 3.0 common and SendSms codes) → what we do about them. */
export function classifySmsCode(code: string, message = ''): TSmsFailure {
  const reason = `短信未发出：${REASONS[code] ?? (message || code)}（${code}）`;
  if (code === 'LimitExceeded.PhoneNumberThirtySecondLimit') return { kind: 'retry', code, reason }; // over in 30 s
  if (code.startsWith('LimitExceeded.')) return { kind: 'limited', code, reason };
  // Tencent's own trouble, call-rate limits, or our clock off by 5 minutes: it took nothing, a later try may go
  if (code.startsWith('InternalError') || code.startsWith('RequestLimitExceeded') || code === 'AuthFailure.SignatureExpire')
    return { kind: 'retry', code, reason };
  // keys, signature, template, parameters, a bad or unsubscribed number, an empty balance, and anything undocumented
  return { kind: 'permanent', code, reason };
}

/**
 * SendSms (Tencent Cloud SMS API 3.0, version 2021-01-11) to one number, signed with
 * TC3-HMAC-SHA256. `nowMs` is the wall clock the signature carries (Tencent refuses one more
 * than 5 minutes off); it is not the app's injected clock, which tests move at will.
 */
export async function sendSms(cfg: TSmsConfig, msg: TSmsMessage, nowMs: () => number = Date.now): Promise<TSmsResult> {
  const url = new URL(cfg.endpoint);
  const payload = JSON.stringify({
    PhoneNumberSet: [msg.phone],
    SmsSdkAppId: cfg.sdkAppId,
    SignName: cfg.signName,
    TemplateId: msg.templateId,
    TemplateParamSet: msg.params,
    ...(msg.sessionContext ? { SessionContext: msg.sessionContext } : {}),
  });
  const timestamp = Math.floor(nowMs() / 1000);
  const { authorization } = signTc3({ secretId: cfg.secretId, secretKey: cfg.secretKey, service: SERVICE, host: url.host, timestamp, payload });
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': TC3_CONTENT_TYPE,
        Host: url.host,
        'X-TC-Action': 'SendSms',
        'X-TC-Version': SMS_API_VERSION,
        'X-TC-Region': cfg.region,
        'X-TC-Timestamp': String(timestamp),
      },
      body: payload,
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
  } catch (e) {
    return { kind: 'retry', code: 'network', reason: `短信接口无应答（${e instanceof Error ? e.name : String(e)}）` };
  }
  if (!res.ok) return { kind: 'retry', code: `HTTP ${res.status}`, reason: `短信接口暂不可用（HTTP ${res.status}）` };
  let body: { Response?: { Error?: { Code?: string; Message?: string }; SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string }[] } };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return { kind: 'retry', code: 'unreadable', reason: '短信接口应答无法解析' };
  }
  const r = body.Response;
  if (r?.Error) return classifySmsCode(String(r.Error.Code ?? 'unknown'), String(r.Error.Message ?? ''));
  const status = r?.SendStatusSet?.[0];
  if (!status) return { kind: 'retry', code: 'unreadable', reason: '短信接口应答缺少发送状态' };
  if (status.Code === 'Ok') return { kind: 'sent', serialNo: String(status.SerialNo ?? '') };
  return classifySmsCode(String(status.Code ?? 'unknown'), String(status.Message ?? ''));
}

import { parseEnv } from '../../functions/runtime/env';
import { smsConfig } from '../../functions/services/sms/config';
import { classifySmsCode } from '../../functions/services/sms/send-sms';
import { signTc3, tc3Date } from '../../functions/services/sms/tc3';
import { smsParams, toE164 } from '../../shared/domain/sms';
import { productionEnv } from '../helpers/prod-env';

/**
 * Tencent Cloud SMS (decision 015): TC3-HMAC-SHA256 against Tencent's own worked example, phone
 * and template-variable rules, how answers are classified, configuration. The client against the
 * fake server: tests/integration/sms.test.ts.
 */

// The worked example of Tencent's "签名方法 v3" page (DescribeInstances on CVM, 2019-02-25).
const DOC = {
  host: 'cvm.tencentcloudapi.com',
  service: 'cvm',
  timestamp: 1551113065,
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};

describe('TC3-HMAC-SHA256 signing (签名方法 v3)', () => {
  it("reproduces every stage of Tencent's documented example", () => {
    const s = signTc3(DOC);
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(s.stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('matches the later edition of the page too, whose key is masked with asterisks', () => {
    expect(signTc3({ ...DOC, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' }).signature).toBe(
      '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('dates the credential in UTC: 00:44 in Beijing on the 26th is still the 25th', () => {
    expect(tc3Date(1551113065)).toBe('2019-02-25');
  });

  it('changes with every input that is signed', () => {
    const base = signTc3(DOC).signature;
    expect(signTc3({ ...DOC, payload: DOC.payload.replace('1', '2') }).signature).not.toBe(base);
    expect(signTc3({ ...DOC, secretKey: DOC.secretKey + 'x' }).signature).not.toBe(base);
    expect(signTc3({ ...DOC, timestamp: DOC.timestamp + 1 }).signature).not.toBe(base);
    expect(signTc3({ ...DOC, host: 'sms.tencentcloudapi.com' }).signature).not.toBe(base);
  });
});

describe('phones and template variables', () => {
  it('normalises mainland mobiles to E.164 and refuses what no SMS can reach', () => {
    expect(toE164('13800001111')).toBe('+8613800001111');
    expect(toE164('138 0000-1111')).toBe('+8613800001111');
    expect(toE164('+86 13800001111')).toBe('+8613800001111');
    expect(toE164('008613800001111')).toBe('+8613800001111');
    expect(toE164('8613800001111')).toBe('+8613800001111');
    expect(toE164('+85291234567')).toBeNull(); // abroad: no international templates
    expect(toE164('010-62345678')).toBeNull(); // a landline
    expect(toE164('+861062345678')).toBeNull();
    expect(toE164('12800001111')).toBeNull();
    expect(toE164('')).toBeNull();
    expect(toE164(null)).toBeNull();
  });

  it('fills {1}, {2}, … from the payload in order, cut to 12 characters, and refuses a missing key', () => {
    expect(smsParams(['binLabel'], { binLabel: '07号桶', place: '桂花院' })).toEqual(['07号桶']);
    expect(smsParams([], { callerName: '孙奶奶' })).toEqual([]);
    expect(smsParams(['binLabel'], { binLabel: '村东头大榕树下第三个绿色垃圾桶' })).toEqual(['村东头大榕树下第三个绿色']);
    expect(smsParams(['courtyardName'], { binLabel: '07号桶' })).toBeNull();
    expect(smsParams(['binLabel'], { binLabel: '  ' })).toBeNull();
  });
});

describe('classifying answers', () => {
  it.each([
    ['LimitExceeded.PhoneNumberDailyLimit', 'limited'],
    ['LimitExceeded.PhoneNumberOneHourLimit', 'limited'],
    ['LimitExceeded.PhoneNumberSameContentDailyLimit', 'limited'],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', 'retry'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'permanent'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'permanent'],
    ['FailedOperation.SignatureIncorrectOrUnapproved', 'permanent'],
    ['FailedOperation.PhoneNumberInBlacklist', 'permanent'],
    ['AuthFailure.SignatureFailure', 'permanent'],
    ['AuthFailure.SecretIdNotFound', 'permanent'],
    ['AuthFailure.SignatureExpire', 'retry'],
    ['InternalError', 'retry'],
    ['InternalError.Timeout', 'retry'],
    ['RequestLimitExceeded', 'retry'],
  ])('%s → %s', (code, kind) => {
    expect(classifySmsCode(code).kind).toBe(kind);
  });

  it('gives cadres a Chinese reason with the code', () => {
    expect(classifySmsCode('LimitExceeded.PhoneNumberDailyLimit')).toMatchObject({
      reason: '短信未发出：该号码今日接收短信已达上限，今日不再重试（LimitExceeded.PhoneNumberDailyLimit）',
    });
    expect(classifySmsCode('FailedOperation.Whatever', 'Tencent says no').reason).toBe('短信未发出：Tencent says no（FailedOperation.Whatever）');
  });
});

describe('configuration', () => {
  const keys = { TENCENT_SMS_SECRET_ID: 'AKIDreal', TENCENT_SMS_SECRET_KEY: 'k', TENCENT_SMS_SDK_APP_ID: '1400123456', TENCENT_SMS_SIGN_NAME: '小院家' };
  const approved = JSON.stringify({ bin_task: { id: '2210001', params: ['binLabel'] }, sos: { id: '2210004', params: [] } });

  it('is off until switched on with all four keys', () => {
    expect(smsConfig(parseEnv({}))).toBeNull();
    expect(smsConfig(parseEnv({ ...keys }))).toBeNull();
    expect(() => parseEnv(productionEnv({ SMS_ENABLED: '1', TENCENT_SMS_SECRET_ID: 'AKIDreal' }))).toThrow(/SMS needs/);
    expect(smsConfig(parseEnv({ SMS_ENABLED: '1', ...keys }))).toMatchObject({
      sdkAppId: '1400123456',
      endpoint: 'https://sms.tencentcloudapi.com',
      region: 'ap-guangzhou',
    });
  });

  it('refuses to start production with SMS on and the development template ids, which Tencent would refuse on every text', () => {
    expect(() => parseEnv(productionEnv({ SMS_ENABLED: '1', ...keys }))).toThrow(
      /TENCENT_SMS_TEMPLATES: .*placeholders in: bin_task, bin_overdue, request_new, sos/,
    );
    expect(parseEnv(productionEnv({ SMS_ENABLED: '1', ...keys, TENCENT_SMS_TEMPLATES: approved })).TENCENT_SMS_TEMPLATES.sos.id).toBe('2210004');
    expect(() => parseEnv(productionEnv())).not.toThrow(); // SMS off: its placeholders do not matter
  });
});

import { smsEnabled, type TEnv } from '../../runtime/env';

/** What a SendSms call needs: the API keys, the SMS application and its approved signature, where to call. */
export type TSmsConfig = {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region: string;
  endpoint: string;
  timeoutMs: number;
};

/** An SMS call that has not answered in this long is given up (and retried later): the dispatcher must not hang on it. */
export const SMS_TIMEOUT_MS = 5000;

/** The SMS configuration, or null while SMS is off (or its keys are missing). */
export function smsConfig(env: TEnv): TSmsConfig | null {
  if (!smsEnabled(env)) return null;
  return {
    secretId: env.TENCENT_SMS_SECRET_ID!,
    secretKey: env.TENCENT_SMS_SECRET_KEY!,
    sdkAppId: env.TENCENT_SMS_SDK_APP_ID!,
    signName: env.TENCENT_SMS_SIGN_NAME!,
    region: env.TENCENT_SMS_REGION,
    endpoint: env.TENCENT_SMS_ENDPOINT,
    timeoutMs: SMS_TIMEOUT_MS,
  };
}

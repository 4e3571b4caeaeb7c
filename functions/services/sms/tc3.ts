import { createHash, createHmac } from 'node:crypto';

/** What one TencentCloud API 3.0 request signs: a JSON POST to `/` with no query string. */
export type TTc3Request = {
  secretId: string;
  secretKey: string;
  /** the product, the first label of the host: `sms` for sms.tencentcloudapi.com */
  service: string;
  host: string;
  /** unix seconds; its UTC date is part of the credential scope */
  timestamp: number;
  /** the exact body bytes sent */
  payload: string;
  contentType?: string;
};

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';
const SIGNED_HEADERS = 'content-type;host';

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest();

/** UTC date of a unix timestamp (not China time: a request at 00:30 in Beijing is still the day before). */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/**
 * 签名方法 v3 (TC3-HMAC-SHA256), as documented for TencentCloud API 3.0: canonical request →
 * string to sign → key derived TC3+SecretKey → date → service → tc3_request → hex signature.
 * Returns every stage, so the fake server and the tests can check each against the documentation.
 */
export function signTc3(r: TTc3Request): { canonicalRequest: string; stringToSign: string; signature: string; authorization: string } {
  const contentType = r.contentType ?? TC3_CONTENT_TYPE;
  const canonicalHeaders = `content-type:${contentType.toLowerCase()}\nhost:${r.host.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, sha256Hex(r.payload)].join('\n');
  const date = tc3Date(r.timestamp);
  const scope = `${date}/${r.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(r.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${r.secretKey}`, date), r.service), 'tc3_request');
  const signature = createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex');
  return {
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `${TC3_ALGORITHM} Credential=${r.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`,
  };
}

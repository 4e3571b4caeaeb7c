import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * 公众号消息加解密 (安全模式), as WeChat's WXBizMsgCrypt samples do it: the AES key is the
 * 43-character EncodingAESKey plus '=' read as base64 (32 bytes), AES-256-CBC with the key's
 * first 16 bytes as IV, PKCS#7 padding to a multiple of 32 bytes. The plaintext is 16 random
 * bytes, the message length (4 bytes, big-endian), the message, and the app id it was meant for.
 */
export function oaAesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 characters of base64');
  return key;
}

const BLOCK = 32;

export function encryptOaMessage(encodingAesKey: string, appId: string, message: string, random: Buffer = randomBytes(16)): string {
  const key = oaAesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random.subarray(0, 16), length, body, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The message inside `encrypted`, or null when it does not decrypt, is malformed, or was meant for another app id. */
export function decryptOaMessage(encodingAesKey: string, appId: string, encrypted: string): string | null {
  const key = oaAesKey(encodingAesKey);
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) return null;
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    plain = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return null;
  }
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > BLOCK || pad > plain.length) return null;
  plain = plain.subarray(0, plain.length - pad);
  if (plain.length < 20) return null;
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) return null;
  const forApp = plain.subarray(20 + length).toString('utf8');
  if (forApp !== appId) return null;
  return plain.subarray(20, 20 + length).toString('utf8');
}

/** sha1 of the sorted parts, hex: `signature` signs (token, timestamp, nonce), `msg_signature` adds the Encrypt field. */
export function oaSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function signatureMatches(want: string, given: string): boolean {
  return want.length === given.length && timingSafeEqual(Buffer.from(want), Buffer.from(given));
}

/**
 * 手机号遮挡: a phone reaches a viewer whole only when the viewer must phone that person to act
 * (decision 017). Everyone else who is shown the number sees 138****1234. The server applies it
 * before anything leaves a use case; the client only reads `phoneIsWhole` to offer 打电话.
 */

/** Why a viewer may see a number whole. */
export const PHONE_NEEDS = [
  /** it is their own */
  'self',
  /** 找院长: the head or staff handling the request phones the requester back */
  'request_handler',
  /** 找院长: the requester phones the handler (or, before one took it, the courtyard's heads) */
  'request_requester',
  /** 一键呼叫: those told of the call (and staff who may answer it) phone the caller */
  'sos_responder',
  /** 一键呼叫: the caller phones whoever answered, or those told while waiting */
  'sos_caller',
  /** 入院申请: the head or cadre deciding phones the applicant to check who they are */
  'join_reviewer',
  /** 帮我卖/找活干: the two sides of an intent or application, once the seller or poster may contact */
  'market_party',
  /** 信息采集: the heads, cadres and township staff keeping the registry phone people and correct the number */
  'registry',
] as const;
export type TPhoneNeed = (typeof PHONE_NEEDS)[number];

/** 138****5678 for an 11-digit number; other numbers keep their first 3 and last 4 characters. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The number as this viewer may see it: whole with a need, masked without, null when there is none. */
export function phoneForViewer(phone: string | null | undefined, need: TPhoneNeed | null | false): string | null {
  if (!phone) return null;
  return need ? phone : maskPhone(phone);
}

/** Is this a number one can dial (not masked)? The client offers 打电话 only then. */
export function phoneIsWhole(phone: string | null | undefined): phone is string {
  return !!phone && !phone.includes('*');
}

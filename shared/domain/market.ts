/**
 * 帮我卖 and 找活干 as pure rules: a post is written (draft), checked by WeChat's content
 * security and reviewed by the courtyard head or a cadre, then public until sold out, filled,
 * closed or expired.
 */
export const LISTING_CATEGORY_KEYS = ['vegetable', 'fruit', 'poultry_egg', 'grain_oil', 'specialty', 'craft', 'other'] as const;
export type TListingCategory = (typeof LISTING_CATEGORY_KEYS)[number];
export const LISTING_CATEGORIES = {
  vegetable: '蔬菜',
  fruit: '水果',
  poultry_egg: '禽蛋',
  grain_oil: '粮油',
  specialty: '土特产',
  craft: '手工',
  other: '其他',
} as const satisfies Record<TListingCategory, string>;

export const LISTING_STATES = ['draft', 'pending_review', 'published', 'sold_out', 'closed', 'rejected', 'expired'] as const;
export type TListingState = (typeof LISTING_STATES)[number];
export const JOB_STATES = ['draft', 'pending_review', 'published', 'filled', 'closed', 'rejected', 'expired'] as const;
export type TJobState = (typeof JOB_STATES)[number];
/** A listing's or a job's state: they share the loop but for how they end (sold out / filled). */
export type TPostState = TListingState | TJobState;

/** WeChat's msg_sec_check / media_check_async suggestions. */
export const CONTENT_VERDICTS = ['pass', 'review', 'risky'] as const;
/** A post's content check: WeChat's verdict, or unchecked when WeChat could not be asked. */
export const CONTENT_CHECKS = [...CONTENT_VERDICTS, 'unchecked'] as const;
export type TContentCheck = (typeof CONTENT_CHECKS)[number];
/** An asynchronous photo check: pending until WeChat pushes its verdict. */
export const MEDIA_CHECK_STATES = ['pending', ...CONTENT_VERDICTS] as const;

export const CONTACT_PREFS = ['phone', 'in_app'] as const;
export const INTENT_STATES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export const EMPLOYER_KINDS = ['villager', 'cooperative', 'village'] as const;
export const PAY_UNITS = ['day', 'hour', 'piece'] as const;
export const APPLICATION_STATES = ['applied', 'accepted', 'declined', 'withdrawn'] as const;
/** 工作记录: each side keeps its own account. */
export const WORK_RECORD_SIDES = ['worker', 'poster'] as const;

/** WeChat content-security labels → what we tell the poster. */
const LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不当',
};

export function riskyReason(label: number | null): string {
  return `内容可能含有${(label !== null && LABELS[label]) || '不当'}信息，请修改后重新提交`;
}

export type TPostAction = 'edit' | 'submit' | 'review' | 'feature' | 'close' | 'sold_out' | 'take';

export type TMarketRefusal = 'POST_NOT_EDITABLE' | 'POST_NOT_PENDING' | 'POST_NOT_PUBLISHED' | 'POST_CLOSED';

/** Why `action` may not happen in `state` (an error code), or null. */
export function postRefusal(state: TPostState, action: TPostAction): TMarketRefusal | null {
  switch (action) {
    case 'edit':
    case 'submit':
      return state === 'draft' || state === 'rejected' || state === 'expired' ? null : 'POST_NOT_EDITABLE';
    case 'review':
      return state === 'pending_review' ? null : 'POST_NOT_PENDING';
    case 'feature':
    case 'sold_out':
    case 'take':
      return state === 'published' ? null : 'POST_NOT_PUBLISHED';
    case 'close':
      return ['draft', 'pending_review', 'published', 'rejected'].includes(state) ? null : 'POST_CLOSED';
  }
}

/** The state a submission lands in after the content check. */
/** 公开: a published post stays visible to every signed-in person when sold out or filled. */
export function isPostPublic(state: string): boolean {
  return state === 'published' || state === 'sold_out' || state === 'filled';
}

export function afterCheck(suggest: TContentCheck): 'pending_review' | 'rejected' {
  return suggest === 'risky' ? 'rejected' : 'pending_review';
}

/** The end of a job's last day in China time (UTC+8), when it stops being listed. */
export function jobEndsAt(endDate: string): Date {
  return new Date(`${endDate}T23:59:59+08:00`);
}

/** Do both sides' work records say the same? null until both have confirmed. */
export function recordsAgree(a: { days: number; payFen: number } | null, b: { days: number; payFen: number } | null): boolean | null {
  if (!a || !b) return null;
  return a.days === b.days && a.payFen === b.payFen;
}

/**
 * 工单号: the short number a 找院长 request or an 一键呼叫 call is known by — on the phone
 * (「您的工单号是 Z 二六 零零四二」), in lists, messages and the search box of 待办事项.
 *
 * Written `Z260042` / `S260007`: a letter for the kind (Z 找院长, S 一键呼叫), the two digits of
 * the year in China time, and the year's sequence number in the township, at least four digits
 * (Z2612345 once a township passes 9,999 in a year). ASCII only, so it also fits a WeChat
 * subscribe message's `character_string` field (≤32) as it is. Decision 016.
 */
export const TICKET_KINDS = ['request', 'sos'] as const;
export type TTicketKind = (typeof TICKET_KINDS)[number];

/** The letter in front of the number: Z 找院长, S 一键呼叫. */
export const TICKET_LETTER = { request: 'Z', sos: 'S' } as const satisfies Record<TTicketKind, string>;

/** What the number is called in sentences: 「找院长 Z260042」. */
export const TICKET_KIND_LABEL = { request: '找院长', sos: '一键呼叫' } as const satisfies Record<TTicketKind, string>;

export type TTicket = { kind: TTicketKind; year: number; seq: number };

const CST_MS = 8 * 3600e3;

/** The year (China time) a number taken at `now` belongs to: numbering starts again each 1 January. */
export function ticketYear(now: Date): number {
  return new Date(now.getTime() + CST_MS).getUTCFullYear();
}

/** `Z260042`: the letter, the year's last two digits, the sequence with at least four digits. */
export function formatTicket(t: TTicket): string {
  if (!Number.isInteger(t.seq) || t.seq < 1) throw new RangeError(`ticket sequence must be a positive integer: ${t.seq}`);
  if (!Number.isInteger(t.year) || t.year < 2000 || t.year > 2099) throw new RangeError(`ticket year out of range: ${t.year}`);
  return `${TICKET_LETTER[t.kind]}${String(t.year % 100).padStart(2, '0')}${String(t.seq).padStart(4, '0')}`;
}

/** Why a typed number was not understood (the message shown under the search box). */
export const TICKET_HINT = '工单号是字母加6位以上数字，如 Z260042';

/**
 * Reads a number as staff type it: any case, full-width characters from a Chinese keyboard,
 * spaces or dashes in it (「z26-0042」「Ｚ２６００４２」), with or without the letter (「260042」).
 * `kind` is null when the letter was left out. Returns null for anything that is not exactly a
 * number this system gives out — never a nearest match: a search finds the number or nothing.
 */
export function parseTicket(input: string): { kind: TTicketKind | null; year: number; seq: number } | null {
  const s = input
    .normalize('NFKC')
    .replace(/^(工单号?|编号)[:：]?/, '')
    .replace(/[\s\-_.·]/g, '')
    .toUpperCase();
  const m = /^([A-Z])?(\d{2})(\d{4,9})$/.exec(s);
  if (!m) return null;
  const kind = m[1] === undefined ? null : (TICKET_KINDS.find((k) => TICKET_LETTER[k] === m[1]) ?? undefined);
  if (kind === undefined) return null;
  const digits = m[3];
  // four digits, or more without a leading zero: one way to write each number
  if (digits.length > 4 && digits.startsWith('0')) return null;
  const seq = Number(digits);
  if (seq < 1) return null;
  return { kind, year: 2000 + Number(m[2]), seq };
}

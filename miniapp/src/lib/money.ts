/**
 * Money is integer fen (分) on the wire; people type yuan (元). The conversion works on the
 * digits as text, never through floating point, so "12.5" is exactly 1250 and "0.1" is 10.
 */

const FULL_WIDTH = /[０-９．。]/g

/** What the person typed, made plain: full-width digits and points, a trailing 元, spaces. */
function plain(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => (c === '．' || c === '。' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\s+/g, '')
    .replace(/元$/, '')
    .replace(/^¥/, '')
}

export type TYuanParse = { ok: true; fen: number } | { ok: false; reason: 'empty' | 'invalid' | 'too_precise' }

/** "12.5" → 1250 fen, "3" → 300, "0.05" → 5; more than two decimals or anything else is refused. */
export function parseYuan(text: string): TYuanParse {
  const t = plain(text)
  if (!t) return { ok: false, reason: 'empty' }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t)
  if (!m || (!m[1] && !m[2])) return { ok: false, reason: 'invalid' }
  const frac = m[2] ?? ''
  if (frac.length > 2) return /^\d{2}0+$/.test(frac) ? parseYuan(`${m[1]}.${frac.slice(0, 2)}`) : { ok: false, reason: 'too_precise' }
  const whole = m[1].replace(/^0+(?=\d)/, '')
  if (whole.length > 12) return { ok: false, reason: 'invalid' } // beyond any price; keeps the sum exact
  return { ok: true, fen: Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2)) }
}

/** fen → "12.50" (no sign, no ¥). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const cents = abs % 100
  return `${sign}${Math.floor(abs / 100)}.${cents < 10 ? `0${cents}` : cents}`
}

/** fen → "¥12.50". */
export function formatFen(fen: number): string {
  return `¥${fenToYuan(fen)}`
}

/** fen → what goes back into a yuan input when a form is edited: "12.5", "3", "0.05". */
export function fenToInput(fen: number): string {
  return fenToYuan(fen)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1')
}

import { chinaMonth } from '../../../shared/domain/points'
import { normalizeSceneCode } from '../../../shared/domain/scene-code'

/** "+5" / "-20": the sign is always shown, so a deduction is never misread as an award. */
export function signedPoints(amount: number): string {
  return amount > 0 ? `+${amount}` : String(amount)
}

/** 'YYYY-MM' of this month and the one before, in China time (the boards' months). */
export function boardMonths(now = new Date()): { thisMonth: string; lastMonth: string } {
  const thisMonth = chinaMonth(now)
  const [y, m] = thisMonth.split('-').map(Number)
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return { thisMonth, lastMonth }
}

export type TPeriodChoice = 'month' | 'lastMonth' | 'all'

export const PERIOD_LABEL: Record<TPeriodChoice, string> = { month: '本月', lastMonth: '上月', all: '总榜' }

export function periodOf(choice: TPeriodChoice, now = new Date()): string {
  const { thisMonth, lastMonth } = boardMonths(now)
  return choice === 'all' ? 'all' : choice === 'month' ? thisMonth : lastMonth
}

/** "2025年11月" or "总榜". */
export function periodText(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period)
  return m ? `${m[1]}年${Number(m[2])}月` : '总榜'
}

/** A pickup code grouped for reading aloud, as the messages write it: "ABCD 2345". */
export { formatPickupCode as spacedCode } from '../../../shared/domain/points'

/**
 * What the shopkeeper scanned or typed → a pickup code. The QR holds the bare code; a
 * `p=<code>` form (a future mini-program code's scene) is accepted as well.
 */
export function parsePickupCode(raw: string | null | undefined): string {
  let text = (raw ?? '').trim()
  try {
    text = decodeURIComponent(text)
  } catch {
    // not URI-encoded: keep it as it is
  }
  const scene = /(?:^|[?&])p=([^&]+)/i.exec(text)
  return normalizeSceneCode(scene ? scene[1] : text)
}

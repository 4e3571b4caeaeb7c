import type { TPersonFlags } from '../../../shared/contracts/common'
import type { TRoleGrant } from '../../../shared/contracts/me'
import { ROLE_INFO } from '../../../shared/domain/roles'

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/** "11月22日 14:05" (with the year when it is not this year). */
export function formatTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const day = `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
  return d.getFullYear() === now.getFullYear() ? day : `${d.getFullYear()}年${day}`
}

/** "2025年12月22日" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** 特殊关怀标记 → 中文. */
export const FLAG_LABELS: Record<keyof TPersonFlags, string> = {
  livesAlone: '独居老人',
  elderly: '高龄老人',
  needsCare: '残疾或需要照顾',
}

export const FLAG_KEYS = Object.keys(FLAG_LABELS) as (keyof TPersonFlags)[]

export function flagLabels(flags: Partial<TPersonFlags> | null | undefined): string[] {
  return FLAG_KEYS.filter((k) => flags?.[k]).map((k) => FLAG_LABELS[k])
}

/** "院长 · 幸福院" — the server's label when it sent one, else our table. */
export function roleText(r: Pick<TRoleGrant, 'role' | 'roleLabel' | 'scopeName'>): string {
  const label = r.roleLabel || ROLE_INFO[r.role]?.label || r.role
  return r.scopeName ? `${label} · ${r.scopeName}` : label
}

/** 138 1234 5678 — easier to read aloud. */
export { formatPhone } from '../../../shared/domain/text'

/** A badge number: "99+" keeps it round. */
export function badgeText(n: number): string {
  return n > 99 ? '99+' : String(n)
}

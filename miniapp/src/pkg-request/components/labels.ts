import {
  levelChange,
  REQUEST_CATEGORIES,
  REQUEST_LEVELS,
  REQUEST_STATES,
  tierOf,
  type TRequestCategory,
  type TRequestLevel,
  type TRequestState,
} from '../../../../shared/domain/requests'
import type { TRequestItem } from '../../api/requests'
import { formatTime } from '../../lib/format'
import type { TTagType } from '../../components/state-tag'

export { REQUEST_CATEGORIES, REQUEST_LEVELS, REQUEST_STATES }
export type { TRequestCategory, TRequestLevel, TRequestState }

export const CATEGORY_KEYS = Object.keys(REQUEST_CATEGORIES) as TRequestCategory[]
export const LEVEL_KEYS = Object.keys(REQUEST_LEVELS) as TRequestLevel[]

/** 私事: 自己解决，院长给建议; the others say who owns the request. */
export const LEVEL_HINTS: Record<TRequestLevel, string> = {
  private: '自己的事，院长给建议',
  courtyard: '院落里解决',
  village: '村里协调部门解决',
  township: '镇街督办',
}

/** NutUI Tag colours by state: waiting ones stand out, finished ones fade. */
export const STATE_TAG: Record<TRequestState, TTagType> = {
  submitted: 'warning',
  accepted: 'primary',
  escalated_village: 'danger',
  escalated_township: 'danger',
  resolved: 'success',
  closed: 'default',
  withdrawn: 'default',
}

const WAITING: TRequestState[] = ['submitted', 'escalated_village', 'escalated_township']

/** 「受理期限 11月22日 14:05」 / 「办结期限 …」, or null when nothing is due. */
export function dueText(r: Pick<TRequestItem, 'state' | 'dueAt'>): string | null {
  if (!r.dueAt) return null
  if (WAITING.includes(r.state)) return `受理期限 ${formatTime(r.dueAt)}`
  if (r.state === 'accepted') return `办结期限 ${formatTime(r.dueAt)}`
  return null
}

/**
 * The button for moving a request to `to`: 吹哨到村 / 报到镇街 going up, 退回… going down,
 * 定性为… within the same tier.
 */
export function levelMoveLabel(from: { state: TRequestState; level: TRequestLevel }, to: TRequestLevel): string {
  if (from.level === to) return `已是${REQUEST_LEVELS[to]}`
  const change = levelChange(from, to)
  const tier = tierOf(to)
  if (change.kind === 'escalated') return tier === 'township' ? '转给镇街（报到镇街）' : '转给村里（吹哨到村）'
  if (change.kind === 'deescalated') return tier === 'courtyard' ? '退回院落办理' : '退回村里办理'
  return `判断为${REQUEST_LEVELS[to]}`
}

/** 待办事项 order: overdue first, then the nearest deadline, then the oldest. */
export function queueOrder(items: TRequestItem[]): TRequestItem[] {
  const due = (r: TRequestItem) => (r.dueAt ? Date.parse(r.dueAt) : Number.POSITIVE_INFINITY)
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || a.createdAt.localeCompare(b.createdAt))
}

/** 「3 小时」「2.5 天」 for median times. */
export function hoursText(h: number | null): string {
  if (h === null) return '—'
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} 分钟`
  if (h < 48) return `${h < 10 ? h.toFixed(1).replace(/\.0$/, '') : Math.round(h)} 小时`
  return `${(h / 24).toFixed(1).replace(/\.0$/, '')} 天`
}

export function percentText(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`
}

/** 满意度 4.6 分 (or — with no ratings). */
export function satisfactionText(s: number | null): string {
  return s === null ? '—' : `${s.toFixed(1)} 分`
}

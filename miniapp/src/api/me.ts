import type { TResponseOf } from '../../../shared/contracts/define'
import type { getMe as getMeContract, TMe, TRoleGrant } from '../../../shared/contracts/me'
import { request } from './request'

export type { TMe, TRoleGrant }

export function getMe(): Promise<TMe> {
  return request<TResponseOf<typeof getMeContract>>('/api/me')
}

/** Courtyards this person heads (院长), for the head's pages. */
export function headedCourtyards(me: TMe): { id: string; name: string }[] {
  return me.roles
    .filter((r) => r.role === 'courtyard_head' && r.scopeType === 'courtyard')
    .map((r) => ({ id: r.scopeId, name: r.scopeName }))
}

export function isVillager(me: TMe): boolean {
  return me.roles.some((r) => r.role === 'villager')
}

export function isCadre(me: TMe): boolean {
  return me.roles.some((r) => r.role === 'village_cadre')
}

/**
 * Courtyards this person may create invite codes for: the ones they head, plus (for a
 * village cadre) their own courtyard. Cadres cannot pick other courtyards yet: there is no
 * "courtyards of my village" endpoint.
 */
export function inviteCourtyards(me: TMe): { id: string; name: string }[] {
  const list = headedCourtyards(me)
  if (isCadre(me) && me.courtyard && !list.some((c) => c.id === me.courtyard!.id)) list.push(me.courtyard)
  return list
}

/** 保洁员: gets pushed 清运任务 (bin_task). */
export function isCleaner(me: TMe): boolean {
  return me.roles.some((r) => r.role === 'cleaner')
}

/**
 * Villages whose 通知投递 this person may look after: village cadres (and any staff grant
 * bound to one village). Township staff hold a township scope and there is no "villages of
 * my township" endpoint yet, so they are not offered the page.
 */
export function adminVillages(me: TMe): { id: string; name: string }[] {
  const list: { id: string; name: string }[] = []
  for (const r of me.roles) {
    const staff = r.role === 'village_cadre' || r.role === 'township_staff'
    if (staff && r.scopeType === 'village' && !list.some((v) => v.id === r.scopeId)) list.push({ id: r.scopeId, name: r.scopeName })
  }
  return list
}

import type { TResponseOf } from '../../../shared/contracts/define'
import type { TRole } from '../../../shared/contracts/common'
import type {
  listTownshipVillages as townshipVillagesContract,
  listVillageCourtyards as villageCourtyardsContract,
  TMe,
  TRoleGrant,
} from '../../../shared/contracts/me'
import * as E from '../../../shared/contracts/endpoints'
import { call } from './call'

export type { TMe, TRoleGrant }
export type TPlace = { id: string; name: string }

export function getMe(): Promise<TMe> {
  return call(E.getMe)
}

/** 镇街管理员: the villages of their township, to pick one. */
export function listTownshipVillages(townshipId: string): Promise<TResponseOf<typeof townshipVillagesContract>> {
  return call(E.listTownshipVillages, { params: { townshipId } })
}

/** 村里的院落 (村干部, 镇街管理员, 店员), to pick one. */
export function listVillageCourtyards(villageId: string): Promise<TResponseOf<typeof villageCourtyardsContract>> {
  return call(E.listVillageCourtyards, { params: { villageId } })
}

/** Courtyards this person heads (院长), for the head's pages. */
export function headedCourtyards(me: TMe): { id: string; name: string }[] {
  return me.roles.filter((r) => r.role === 'courtyard_head' && r.scopeType === 'courtyard').map((r) => ({ id: r.scopeId, name: r.scopeName }))
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
 * bound to one village). 镇街管理员 hold a township scope: pages add their township's
 * villages (lib/use-village-choice.ts, GET /api/townships/{id}/villages).
 */
export function adminVillages(me: TMe): { id: string; name: string }[] {
  const list: { id: string; name: string }[] = []
  for (const r of me.roles) {
    const staff = r.role === 'village_cadre' || r.role === 'township_staff'
    if (staff && r.scopeType === 'village' && !list.some((v) => v.id === r.scopeId)) list.push({ id: r.scopeId, name: r.scopeName })
  }
  return list
}

/** Villages where this person holds one of `roles` with a village scope (店员, 村干部, 保洁员). */
export function roleVillages(me: TMe, roles: TRole[]): TPlace[] {
  const list: TPlace[] = []
  for (const r of me.roles) {
    if (roles.includes(r.role) && r.scopeType === 'village' && !list.some((v) => v.id === r.scopeId)) list.push({ id: r.scopeId, name: r.scopeName })
  }
  return list
}

/**
 * The villages whose shop and boards this person belongs to: where they live (villagers,
 * heads) first, then villages they serve (staff hold a village-scoped role and often live
 * in no courtyard). Township staff have none here: they pick one of their township's.
 */
export function memberVillages(me: TMe): TPlace[] {
  const list: TPlace[] = me.village ? [me.village] : []
  for (const v of roleVillages(me, ['village_cadre', 'shopkeeper', 'cleaner', 'township_staff'])) {
    if (!list.some((x) => x.id === v.id)) list.push(v)
  }
  return list
}

/** Townships this person serves as 镇街管理员. */
export function staffTownships(me: TMe): TPlace[] {
  return me.roles.filter((r) => r.role === 'township_staff' && r.scopeType === 'township').map((r) => ({ id: r.scopeId, name: r.scopeName }))
}

/** 店员 or 村干部: may hand goods over against a pickup code (凭码发放). */
export function handoverVillages(me: TMe): TPlace[] {
  return roleVillages(me, ['shopkeeper', 'village_cadre'])
}

/** 村干部: points rules, the shop's settings and rewards. */
export function cadreVillages(me: TMe): TPlace[] {
  return roleVillages(me, ['village_cadre'])
}

/** 院长 or 村干部: may award or deduct points by hand (人工加减分). */
export function canAdjustPoints(me: TMe): boolean {
  return headedCourtyards(me).length > 0 || isCadre(me)
}

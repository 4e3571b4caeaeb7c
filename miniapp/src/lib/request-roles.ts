import type { TRole } from '../../../shared/contracts/common'
import { adminVillages, cadreVillages, staffTownships, type TMe } from '../api/me'

/** The roles that take up 找院长 items (院长, 村干部, 镇街管理员). */
const HANDLER_ROLES: TRole[] = ['courtyard_head', 'village_cadre', 'township_staff']

/** Has a 待办事项 queue. */
export function handlesRequests(me: TMe): boolean {
  return me.roles.some((r) => HANDLER_ROLES.includes(r.role))
}

/** May read 找院长统计 (village staff, township staff). */
export function seesRequestStats(me: TMe): boolean {
  return adminVillages(me).length > 0 || staffTownships(me).length > 0
}

/** May set the village's 时限 (村干部). */
export function setsRequestSla(me: TMe): boolean {
  return cadreVillages(me).length > 0
}

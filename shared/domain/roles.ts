import type { TRole, TScopeType } from '../contracts/common';

/** 角色 → 中文名 and the kind of scope each role is bound to. */
export const ROLE_INFO: Record<TRole, { label: string; scope: TScopeType }> = {
  villager: { label: '村民', scope: 'courtyard' },
  courtyard_head: { label: '院长', scope: 'courtyard' },
  cleaner: { label: '保洁员', scope: 'village' },
  village_cadre: { label: '村干部', scope: 'village' },
  township_staff: { label: '镇街管理员', scope: 'township' },
  shopkeeper: { label: '积分超市店员', scope: 'village' },
};

export function roleLabel(role: TRole): string {
  return ROLE_INFO[role].label;
}

/** Every role: for routes any member of a place may call (with reach 'within'). */
export const ALL_ROLES = Object.keys(ROLE_INFO) as TRole[];

/** 角色: every role a person may hold, the one list the contract, the column and its CHECK come from. */
export const ROLES = ['villager', 'courtyard_head', 'cleaner', 'village_cadre', 'township_staff', 'shopkeeper'] as const;
export type TRole = (typeof ROLES)[number];

/** 范围: what a role is bound to — a 院落, a 村 or a 镇街. */
export const SCOPE_TYPES = ['courtyard', 'village', 'township'] as const;
export type TScopeType = (typeof SCOPE_TYPES)[number];

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
export const ALL_ROLES: TRole[] = [...ROLES];

/**
 * 工作人员: roles that serve villagers rather than being one of them. Their holders stay off the
 * villagers' 个人榜 (a cleaner earning points for the bins they clean would top the board they
 * are meant to serve). 院长 are not here: a head is a resident of the courtyard, usually its
 * party-group leader (PRODUCT.md), and keeps a villager grant beside the head one.
 */
export const STAFF_ROLES = ['cleaner', 'village_cadre', 'township_staff', 'shopkeeper'] as const satisfies readonly TRole[];

/** Holds any 工作人员 role (STAFF_ROLES). */
export function isStaff(roles: readonly TRole[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly TRole[]).includes(r));
}

import type { TRole, TScopeType } from '../contracts/common';

/** Where an object lives in the organisation: 镇街 → 村 → 院落. */
export type TScopePath = { townshipId: string; villageId: string | null; courtyardId: string | null };

/** A role held by a person, bound to one scope. */
export type TGrant = { role: TRole; scopeType: TScopeType; scopeId: string };

/** Does one grant cover the object at `path`? A township grant covers its villages, etc. */
export function grantCovers(grant: TGrant, path: TScopePath): boolean {
  switch (grant.scopeType) {
    case 'township':
      return grant.scopeId === path.townshipId;
    case 'village':
      return path.villageId !== null && grant.scopeId === path.villageId;
    case 'courtyard':
      return path.courtyardId !== null && grant.scopeId === path.courtyardId;
  }
}

/**
 * 权限判断: true when the person holds one of `roles` whose scope covers `path`
 * (or, with no path, holds one of `roles` anywhere). The single rule every route uses.
 */
export function canAct(grants: readonly TGrant[], roles: readonly TRole[], path?: TScopePath): boolean {
  return grants.some((g) => roles.includes(g.role) && (path === undefined || grantCovers(g, path)));
}

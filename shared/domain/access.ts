import type { TRole, TScopeType } from '../contracts/common';

/** Where an object lives in the organisation: 镇街 → 村 → 院落. */
export type TScopePath = { townshipId: string; villageId: string | null; courtyardId: string | null };

/** A role held by a person, bound to one scope (with the village and township it sits in). */
export type TGrant = { role: TRole; scopeType: TScopeType; scopeId: string; villageId?: string | null; townshipId?: string };

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
 * Does the grant sit inside or above the object? A villager of a courtyard is "in" its
 * village (may see the village's shop and boards) without covering it (may not manage it).
 */
export function grantWithin(grant: TGrant, path: TScopePath): boolean {
  if (grantCovers(grant, path)) return true;
  if (path.courtyardId !== null) return false;
  if (path.villageId !== null) return grant.villageId === path.villageId;
  return grant.townshipId === path.townshipId;
}

/**
 * 权限判断: true when the person holds one of `roles` whose scope covers `path`
 * (or, with no path, holds one of `roles` anywhere). The single rule every route uses.
 */
export function canAct(grants: readonly TGrant[], roles: readonly TRole[], path?: TScopePath, reach: 'covers' | 'within' = 'covers'): boolean {
  const fits = reach === 'covers' ? grantCovers : grantWithin;
  return grants.some((g) => roles.includes(g.role) && (path === undefined || fits(g, path)));
}

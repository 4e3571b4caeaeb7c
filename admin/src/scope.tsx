/**
 * Who is signed in and for which place: the back office works in one role grant at a time
 * (院长 → the courtyard, 村干部 → the village, 镇街 → the township). Pages read it with
 * `useScope()`; the header switches it when a person holds several.
 */
import { createContext, useContext } from 'react';
import type { TMe, TRoleGrant } from '../../shared/contracts/me';
import type { TRole } from '../../shared/domain/roles';

/** The roles the back office is for (PRODUCT.md §8). */
export const OFFICE_ROLES: readonly TRole[] = ['courtyard_head', 'village_cadre', 'township_staff'];

export const officeGrants = (me: TMe): TRoleGrant[] => me.roles.filter((r) => OFFICE_ROLES.includes(r.role));

export type TScope = {
  me: TMe;
  grant: TRoleGrant;
  /** the village of the grant (a head's courtyard is in the signed-in person's village); null for township staff */
  villageId: string | null;
  townshipId: string | null;
};

export const ScopeContext = createContext<TScope | null>(null);

export function useScope(): TScope {
  const s = useContext(ScopeContext);
  if (!s) throw new Error('useScope outside the signed-in shell');
  return s;
}

export function scopeOf(me: TMe, grant: TRoleGrant): TScope {
  const villageId = grant.scopeType === 'village' ? grant.scopeId : grant.scopeType === 'courtyard' ? (me.village?.id ?? null) : null;
  const townshipId = grant.scopeType === 'township' ? grant.scopeId : (me.township?.id ?? null);
  return { me, grant, villageId, townshipId };
}

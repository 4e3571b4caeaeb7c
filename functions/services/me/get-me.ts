import { findMeProfile } from '../../../db/queries/me';
import { listActiveGrants } from '../../../db/queries/roles';
import type { TMe } from '../../../shared/contracts/me';
import { roleLabel } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { toDeletionRequest } from '../privacy/anonymise';
import { toConsentState } from '../privacy/consent';

/** The caller's grants with scope names: as loaded with the session, else read now. */
async function grantsOf(ctx: TSignedInContext) {
  const loaded = ctx.actor.grants;
  if (loaded.every((g) => g.scopeName !== undefined && g.courtyardId !== undefined)) {
    return loaded.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, scopeName: g.scopeName!, courtyardId: g.courtyardId ?? null }));
  }
  return listActiveGrants(ctx.db, ctx.actor.personId);
}

/** 我的: the person, their household/courtyard/village and every role with its scope. */
export async function getMe(ctx: TSignedInContext): Promise<TMe> {
  const grants = await grantsOf(ctx);
  // home courtyard: the household's, else the courtyard of the first courtyard-bound role
  const roleCourtyard = grants.find((g) => g.courtyardId)?.courtyardId ?? null;
  const me = await findMeProfile(ctx.db, ctx.actor.personId, roleCourtyard);
  if (!me) throw new AppError('UNAUTHENTICATED');
  const { person, household, place, latestDeletion } = me;
  return {
    person: {
      id: person.id,
      name: person.name,
      phone: person.phone,
      flags: { livesAlone: person.livesAlone, elderly: person.elderly, needsCare: person.needsCare },
    },
    household,
    courtyard: place?.courtyard ?? null,
    village: place?.village ?? null,
    township: place?.township ?? null,
    consent: toConsentState(me.latestConsent),
    deletionRequest: latestDeletion && latestDeletion.state === 'pending' ? toDeletionRequest(latestDeletion) : null,
    roles: grants.map((g) => ({ role: g.role, roleLabel: roleLabel(g.role), scopeType: g.scopeType, scopeId: g.scopeId, scopeName: g.scopeName })),
  };
}

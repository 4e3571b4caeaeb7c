import { findCourtyardPlace, findHousehold } from '../../../db/queries/org';
import { findPerson } from '../../../db/queries/people';
import { listActiveGrants } from '../../../db/queries/roles';
import type { TMe } from '../../../shared/contracts/me';
import { roleLabel } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { findLatestDeletionRequest } from '../../../db/queries/privacy';
import { toDeletionRequest } from '../privacy/anonymise';
import { consentState } from '../privacy/consent';

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
  const person = await findPerson(ctx.db, ctx.actor.personId);
  if (!person) throw new AppError('UNAUTHENTICATED');
  const household = person.householdId ? await findHousehold(ctx.db, person.householdId) : null;
  const grants = await grantsOf(ctx);
  // home courtyard: the household's, else the courtyard of the first courtyard-bound role
  const courtyardId = household?.courtyardId ?? grants.find((g) => g.courtyardId)?.courtyardId ?? null;
  const pending = await findLatestDeletionRequest(ctx.db, person.id);
  const place = courtyardId ? await findCourtyardPlace(ctx.db, courtyardId) : null;
  return {
    person: {
      id: person.id,
      name: person.name,
      phone: person.phone,
      flags: { livesAlone: person.livesAlone, elderly: person.elderly, needsCare: person.needsCare },
    },
    household: household ? { id: household.id, label: household.label } : null,
    courtyard: place?.courtyard ?? null,
    village: place?.village ?? null,
    township: place?.township ?? null,
    consent: await consentState(ctx.db, person.id),
    deletionRequest: pending && pending.state === 'pending' ? toDeletionRequest(pending) : null,
    roles: grants.map((g) => ({ role: g.role, roleLabel: roleLabel(g.role), scopeType: g.scopeType, scopeId: g.scopeId, scopeName: g.scopeName })),
  };
}

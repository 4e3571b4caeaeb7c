import { findCourtyardPlace, findHousehold } from '../../../db/queries/org';
import { findPerson } from '../../../db/queries/people';
import { insertDeletionRequest } from '../../../db/queries/privacy';
import { listActiveGrants } from '../../../db/queries/roles';
import type { TDeletionRequest } from '../../../shared/contracts/privacy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { anonymise, toDeletionRequest } from './anonymise';

/**
 * 申请注销: one pending request per person, for the cadres of the village they live or work in.
 * A person of no village (signed in, never joined) has no cadre to ask: theirs is carried out at once.
 */
export async function requestDeletion(ctx: TSignedInContext): Promise<TDeletionRequest> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const person = await findPerson(tx, ctx.actor.personId);
    if (!person) throw new AppError('UNAUTHENTICATED');
    const household = person.householdId ? await findHousehold(tx, person.householdId) : null;
    const grants = await listActiveGrants(tx, person.id);
    const courtyardId = household?.courtyardId ?? grants.find((g) => g.courtyardId)?.courtyardId ?? null;
    const villageId = (courtyardId ? (await findCourtyardPlace(tx, courtyardId))?.village.id : null) ?? grants.find((g) => g.villageId)?.villageId ?? null;
    const r = await insertDeletionRequest(tx, { personId: person.id, villageId, nameAtRequest: person.name, requestedAt: now });
    if (!r) throw new AppError('DELETION_PENDING');
    if (villageId) return toDeletionRequest(r);
    return toDeletionRequest(await anonymise(tx, r, null, now));
  });
}

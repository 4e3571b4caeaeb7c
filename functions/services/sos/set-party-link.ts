import { findPersonPlace } from '../../../db/queries/org';
import { householdScopePath } from '../../../db/queries/scope';
import { findSosFlags, setHouseholdPartyMember } from '../../../db/queries/sos';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** 联户党员: a party member of the same village looks after the household (told first on 一键呼叫). */
export async function setPartyLink(ctx: TSignedInContext, householdId: string, personId: string | null) {
  return ctx.db.transaction(async (tx) => {
    const household = await householdScopePath(tx, householdId);
    if (!household) throw new AppError('NOT_FOUND');
    let partyMember = null;
    if (personId) {
      const flags = await findSosFlags(tx, personId);
      const place = await findPersonPlace(tx, personId);
      if (!flags?.isPartyMember || !place || place.villageId !== household.villageId) throw new AppError('NOT_A_PARTY_MEMBER');
      partyMember = { id: personId, name: flags.name };
    }
    await setHouseholdPartyMember(tx, householdId, personId);
    return { householdId, partyMember };
  });
}

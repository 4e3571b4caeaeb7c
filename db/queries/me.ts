import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { consents, courtyards, deletionRequests, households, people, townships, villages } from '../schema';
import { personColumns, type TPersonRecord } from './people';
import { placeColumns, toCourtyardPlace, type TCourtyardPlace } from './org';
import type { TDeletionRecord } from './privacy';

/** What 我的 shows of a person, read in one statement (decision 022). */
export type TMeProfile = {
  person: TPersonRecord;
  household: { id: string; label: string } | null;
  /** The household's courtyard, else the one the caller passed (their first courtyard-bound role's). */
  place: TCourtyardPlace | null;
  latestDeletion: TDeletionRecord | null;
  latestConsent: { version: string; agreedAt: Date } | null;
};

/**
 * The person, their household, the place of its courtyard (or of `courtyardId` when they have no
 * household), their latest deletion request and the consent they gave last: five reads in one.
 */
const profileRows = prepared((db, p: TPlaceholders<{ personId: string; courtyardId: string | null }>) => {
  const deletion = db
    .select({
      id: deletionRequests.id,
      villageId: deletionRequests.villageId,
      state: deletionRequests.state,
      nameAtRequest: deletionRequests.nameAtRequest,
      requestedAt: deletionRequests.requestedAt,
      decidedAt: deletionRequests.decidedAt,
    })
    .from(deletionRequests)
    .where(eq(deletionRequests.personId, people.id))
    .orderBy(desc(deletionRequests.requestedAt))
    .limit(1)
    .as('d');
  const consent = db
    .select({ version: consents.version, agreedAt: consents.agreedAt })
    .from(consents)
    .where(eq(consents.personId, people.id))
    .orderBy(desc(consents.agreedAt), desc(consents.version))
    .limit(1)
    .as('c');
  return db
    .select({
      ...personColumns,
      householdLabel: households.label,
      ...placeColumns,
      deletion: {
        id: deletion.id,
        villageId: deletion.villageId,
        state: deletion.state,
        nameAtRequest: deletion.nameAtRequest,
        requestedAt: deletion.requestedAt,
        decidedAt: deletion.decidedAt,
      },
      consent: { version: consent.version, agreedAt: consent.agreedAt },
    })
    .from(people)
    .leftJoin(households, eq(households.id, people.householdId))
    .leftJoin(courtyards, eq(courtyards.id, sql`coalesce(${households.courtyardId}, ${p.courtyardId}::uuid)`))
    .leftJoin(villages, eq(villages.id, courtyards.villageId))
    .leftJoin(townships, eq(townships.id, villages.townshipId))
    .leftJoinLateral(deletion, sql`true`)
    .leftJoinLateral(consent, sql`true`)
    .where(eq(people.id, p.personId));
});

export async function findMeProfile(db: Db, personId: string, roleCourtyardId: string | null): Promise<TMeProfile | null> {
  const [r] = await profileRows(db, { personId, courtyardId: roleCourtyardId });
  if (!r) return null;
  const { householdLabel, courtyardId, courtyardName, villageId, villageName, townshipId, townshipName, deletion, consent, ...person } = r;
  return {
    person,
    household: person.householdId && householdLabel !== null ? { id: person.householdId, label: householdLabel } : null,
    place: toCourtyardPlace({ courtyardId, courtyardName, villageId, villageName, townshipId, townshipName }),
    latestDeletion: deletion ? { ...deletion, personId: person.id } : null,
    latestConsent: consent,
  };
}

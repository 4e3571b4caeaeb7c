import { randomUUID } from 'node:crypto';
import { findMeProfile } from '../../db/queries/me';
import { findCourtyardPlace, findHousehold } from '../../db/queries/org';
import { findPerson } from '../../db/queries/people';
import { findLatestConsent, findLatestDeletionRequest, insertConsent, insertDeletionRequest } from '../../db/queries/privacy';
import { listActiveGrants } from '../../db/queries/roles';
import { createOrgTree, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import type { TRole } from '../../shared/domain/roles';
import { useTestDb } from '../helpers/db';

// /api/me reads the person, household, place, latest deletion request and latest consent in one
// statement (decision 022). Whatever it answers must be what the five reads it replaces answer.

const db = useTestDb();
const d = () => db.handle().db;
let tree: TOrgTree;

beforeAll(async () => {
  tree = await createOrgTree(d(), { villages: 2, courtyards: 2 });
});

/** The reads /api/me made before, one statement each. */
async function fiveReads(personId: string, roleCourtyard: string | null) {
  const person = await findPerson(d(), personId);
  if (!person) return null;
  const h = person.householdId ? await findHousehold(d(), person.householdId) : null;
  const courtyardId = h?.courtyardId ?? roleCourtyard;
  return {
    person,
    household: h ? { id: h.id, label: h.label } : null,
    place: courtyardId ? await findCourtyardPlace(d(), courtyardId) : null,
    latestDeletion: await findLatestDeletionRequest(d(), personId),
    latestConsent: await findLatestConsent(d(), personId),
  };
}

async function roleCourtyardOf(personId: string): Promise<string | null> {
  return (await listActiveGrants(d(), personId)).find((g) => g.courtyardId)?.courtyardId ?? null;
}

describe('the profile /api/me reads in one statement', () => {
  const cases: { role: TRole | null; at: { village?: number; courtyard?: number } }[] = [
    { role: 'villager', at: { village: 1, courtyard: 1 } }, // a household: its courtyard
    { role: 'courtyard_head', at: { village: 0, courtyard: 1 } }, // no household: the role's courtyard
    { role: 'cleaner', at: { village: 1 } }, // neither: no place
    { role: 'township_staff', at: {} },
    { role: null, at: {} }, // nobody yet (signed in, not joined)
  ];

  it.each(cases)('$role: equal to the five reads, with and without consent and deletion requests', async ({ role, at }) => {
    const { personId } = await createPersonWithRole(d(), tree, role, at);
    const roleCourtyard = await roleCourtyardOf(personId);
    const check = async () => expect(await findMeProfile(d(), personId, roleCourtyard)).toEqual(await fiveReads(personId, roleCourtyard));

    await check(); // nothing agreed, nothing asked
    await insertConsent(d(), { personId, version: '2026-01', agreedAt: new Date('2026-03-01T08:00:00Z') });
    await insertConsent(d(), { personId, version: '2026-06', agreedAt: new Date('2026-07-01T08:00:00Z') });
    const first = await insertDeletionRequest(d(), {
      personId,
      villageId: tree.villages[0].id,
      nameAtRequest: '测试人员',
      requestedAt: new Date('2026-08-01T08:00:00Z'),
    });
    expect(first).not.toBeNull();
    await check(); // the latest consent, the pending request
    const profile = await findMeProfile(d(), personId, roleCourtyard);
    expect(profile?.latestConsent?.version).toBe('2026-06');
    expect(profile?.latestDeletion?.state).toBe('pending');
  });

  it('a person with a household ignores the role courtyard passed; an unknown person is null', async () => {
    const { personId } = await createPersonWithRole(d(), tree, 'villager', { village: 0, courtyard: 0 });
    const other = tree.villages[1].courtyards[1].id;
    const profile = await findMeProfile(d(), personId, other);
    expect(profile?.place?.courtyard.id).toBe(tree.villages[0].courtyards[0].id);
    expect(await findMeProfile(d(), randomUUID(), null)).toBeNull();
  });
});

import { decideJoinRequest, findJoinRequest } from '../../../db/queries/join-requests';
import { upsertHousehold } from '../../../db/queries/org';
import { insertHouseholdMembers, listHouseholdMemberNames, updatePerson } from '../../../db/queries/people';
import { endVillagerRole, insertRoleAssignment } from '../../../db/queries/roles';
import { courtyardScopePath } from '../../../db/queries/scope';
import type { TJoinRequest } from '../../../shared/contracts/join';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { cancelJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { joinExpiryKey } from './join-expiry-key';
import { lockPendingJoinRequest } from './lock-pending-join-request';
import { toJoinRequest } from './to-join-request';

/**
 * 同意入院: the person becomes a villager of the courtyard, in the household of the label
 * they gave (created if new); family members are added once; a previous home is left.
 */
export async function approveJoinRequest(ctx: TSignedInContext, id: string): Promise<TJoinRequest> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const r = await lockPendingJoinRequest(tx, id, now);
    const path = await courtyardScopePath(tx, r.courtyardId);
    if (!path) throw new AppError('NOT_FOUND');
    const householdId = await upsertHousehold(tx, r.courtyardId, r.householdLabel);
    const present = new Set(await listHouseholdMemberNames(tx, householdId));
    present.add(r.name);
    await insertHouseholdMembers(
      tx,
      householdId,
      r.members.filter((m) => !present.has(m.name)),
    );
    await updatePerson(tx, r.personId, {
      name: r.name,
      phone: r.phone,
      householdId,
      livesAlone: r.livesAlone,
      elderly: r.elderly,
      needsCare: r.needsCare,
    });
    await endVillagerRole(tx, r.personId, now);
    await insertRoleAssignment(tx, {
      personId: r.personId,
      role: 'villager',
      scopeType: 'courtyard',
      townshipId: path.townshipId,
      villageId: path.villageId,
      courtyardId: r.courtyardId,
      grantedBy: ctx.actor.personId,
      createdAt: now,
    });
    await decideJoinRequest(tx, id, { state: 'approved', decidedBy: ctx.actor.personId, decidedAt: now, householdId });
    await cancelJob(tx, joinExpiryKey(id), now);
    await notify(ctx, tx, [
      {
        recipientId: r.personId,
        template: 'join_request_decided',
        payload: { result: '已通过', courtyardName: r.courtyardName, reason: null },
        dedupeKey: `join-request:${id}:decided`,
      },
    ]);
    return toJoinRequest((await findJoinRequest(tx, id))!, now);
  });
}

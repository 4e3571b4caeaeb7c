import { expireStaleJoinRequests, findJoinRequest, findPendingJoinRequestOf, insertJoinRequest } from '../../../db/queries/join-requests';
import type { TJoinRequest, TMember } from '../../../shared/contracts/join';
import type { TPersonFlags } from '../../../shared/contracts/common';
import { canAct } from '../../../shared/domain/access';
import { JOIN_REQUEST_STALE_DAYS } from '../../../shared/domain/join-policy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';
import { listRoleHolders } from '../../../db/queries/roles';
import { scheduleJob } from '../jobs/schedule-job';
import { notify } from '../notifications/notify';
import { joinExpiryKey } from './join-expiry-key';
import { getUsableInvite } from './get-invite';
import { toJoinRequest } from './to-join-request';

export type TJoinForm = { inviteCode: string; name: string; phone: string; householdLabel: string; members: TMember[]; flags: TPersonFlags };

/** 提交入院申请: one pending request per person; a stale one is expired first. */
export async function submitJoinRequest(ctx: TSignedInContext, form: TJoinForm): Promise<TJoinRequest> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const { invite, place } = await getUsableInvite(tx, form.inviteCode, now);
    if (canAct(ctx.actor.grants, ['villager'], { ...ids(place), courtyardId: place.courtyard.id })) throw new AppError('ALREADY_MEMBER');
    await expireStaleJoinRequests(tx, { personId: ctx.actor.personId }, new Date(now.getTime() - JOIN_REQUEST_STALE_DAYS * 86400e3), now);
    const id = await insertJoinRequest(tx, {
      personId: ctx.actor.personId,
      courtyardId: invite.courtyardId,
      invitationId: invite.id,
      name: form.name,
      phone: form.phone,
      householdLabel: form.householdLabel,
      members: form.members,
      livesAlone: form.flags.livesAlone,
      elderly: form.flags.elderly,
      needsCare: form.flags.needsCare,
      createdAt: now,
    });
    if (!id) {
      const pending = await findPendingJoinRequestOf(tx, ctx.actor.personId);
      throw new AppError('JOIN_REQUEST_PENDING', pending ? { message: `您已向「${pending.courtyardName}」提交申请，请等待审核或先撤回` } : {});
    }
    const created = (await findJoinRequest(tx, id))!;
    const heads = (await listRoleHolders(tx, 'courtyard_head', { type: 'courtyard', id: created.courtyardId })).map((h) => h.id);
    await notify(
      ctx,
      tx,
      heads.map((headId) => ({
        recipientId: headId,
        template: 'join_request_new' as const,
        payload: {
          applicantName: created.name,
          courtyardName: created.courtyardName,
          courtyardId: created.courtyardId,
          submittedAt: now.toISOString(),
          requestId: id,
        },
        dedupeKey: `join-request:${id}:new:${headId}`,
      })),
    );
    await scheduleJob(
      tx,
      { name: 'join_request_expire', key: joinExpiryKey(id), runAt: new Date(now.getTime() + JOIN_REQUEST_STALE_DAYS * 86400e3), payload: { requestId: id } },
      now,
    );
    return toJoinRequest(created, now);
  });
}

function ids(place: { township: { id: string }; village: { id: string } }) {
  return { townshipId: place.township.id, villageId: place.village.id };
}

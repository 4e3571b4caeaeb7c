import { randomBytes } from 'node:crypto';
import { insertInvite } from '../../../db/queries/invites';
import type { TInvite } from '../../../shared/contracts/join';
import { inviteExpiry, makeInviteCode } from '../../../shared/domain/invite-code';
import type { TSignedInContext } from '../context';

/** 生成邀请码 for a courtyard (scope already checked by the route). */
export async function createInvite(ctx: TSignedInContext, courtyardId: string, days?: number): Promise<TInvite> {
  const now = ctx.now();
  // ~49 bits per code: a collision is astronomically rare, but draw again rather than fail
  for (let attempt = 0; attempt < 5; attempt++) {
    const invite = await insertInvite(ctx.db, {
      courtyardId,
      code: makeInviteCode((n) => randomBytes(n)),
      createdBy: ctx.actor.personId,
      createdAt: now,
      expiresAt: inviteExpiry(now, days),
    });
    if (invite) return { code: invite.code, courtyardId, expiresAt: invite.expiresAt.toISOString() };
  }
  throw new Error('could not draw a free invite code');
}

import type { Db } from '../../../db/client';
import { findInviteByCode, type TInviteRecord } from '../../../db/queries/invites';
import { findCourtyardPlace, type TCourtyardPlace } from '../../../db/queries/org';
import type { TInvitePreview } from '../../../shared/contracts/join';
import { isInviteCode, parseInviteInput } from '../../../shared/domain/invite-code';
import { inviteUsable } from '../../../shared/domain/join-policy';
import { AppError } from '../../../shared/errors';
import type { TSignedInContext } from '../context';

/** A usable invite and its courtyard, or INVITE_INVALID / INVITE_EXPIRED. */
export async function getUsableInvite(db: Db, code: string, now: Date): Promise<{ invite: TInviteRecord; place: TCourtyardPlace }> {
  // a mistyped code is the same answer as an unknown one, not the adapter's bare NOT_FOUND
  const normalized = parseInviteInput(code);
  if (!isInviteCode(normalized)) throw new AppError('INVITE_INVALID');
  const invite = await findInviteByCode(db, normalized);
  const usable = invite ? inviteUsable(invite, now) : 'revoked';
  if (!invite || usable === 'revoked') throw new AppError('INVITE_INVALID');
  if (usable === 'expired') throw new AppError('INVITE_EXPIRED');
  const place = await findCourtyardPlace(db, invite.courtyardId);
  if (!place) throw new AppError('INVITE_INVALID');
  return { invite, place };
}

/** 扫码/输入邀请码后先看是哪个院落. */
export async function getInvite(ctx: TSignedInContext, code: string): Promise<TInvitePreview> {
  const { invite, place } = await getUsableInvite(ctx.db, code, ctx.now());
  return { code: invite.code, courtyard: place.courtyard, village: place.village, expiresAt: invite.expiresAt.toISOString() };
}

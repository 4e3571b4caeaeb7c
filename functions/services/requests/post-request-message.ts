import { insertRequestMessage, listRequestMessages } from '../../../db/queries/requests';
import { tierOf } from '../../../shared/domain/requests';
import { clipText } from '../../../shared/domain/text';
import type { TSignedInContext } from '../context';
import { assertOwnMedia } from '../media/get-media';
import { notify } from '../notifications/notify';
import { assertAllowed, assertCan, loadRequest, ownersOf, slaOf } from './request-access';
import { toRequestMessage } from './list-request-messages';
import { requestTicket } from './to-request';

/**
 * 留言: the requester and the handlers talk on the request. The other side is told: the
 * requester when staff write; the handler (or, before anyone accepted, the owning tier) when
 * the requester writes.
 */
export async function postRequestMessage(ctx: TSignedInContext, id: string, body: string, photoIds: string[]) {
  const photos = [...new Set(photoIds)];
  for (const p of photos) await assertOwnMedia(ctx, p);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const me = ctx.actor.personId;
    const r = await loadRequest(tx, id, true);
    const mine = r.requesterId === me;
    if (!mine) assertCan('request.message', ctx.actor, r);
    assertAllowed(r, 'message', now, await slaOf(tx, r.villageId));
    const messageId = await insertRequestMessage(tx, { requestId: id, authorId: me, body, photoIds: photos, createdAt: now });
    const to = mine ? (r.handlerId ? [r.handlerId] : await ownersOf(tx, r, tierOf(r.level))) : [r.requesterId];
    const author = (await listRequestMessages(tx, id)).find((m) => m.id === messageId)!;
    await notify(
      ctx,
      tx,
      to
        .filter((p) => p !== me)
        .map((p) => ({
          recipientId: p,
          template: 'request_message' as const,
          dedupeKey: `request-message:${messageId}:${p}`,
          payload: { authorName: author.authorName, text: clipText(body, 20), requestId: id, ticket: requestTicket(r) },
        })),
    );
    return toRequestMessage(author, me, r.requesterId);
  });
}

import { listRequestMessages } from '../../../db/queries/requests';
import type { TSignedInContext } from '../context';
import { loadRequest } from './request-access';

type TMessageRow = Awaited<ReturnType<typeof listRequestMessages>>[number];

export function toRequestMessage(m: TMessageRow, me: string, requesterId: string) {
  return {
    id: m.id,
    author: { id: m.authorId, name: m.authorName },
    mine: m.authorId === me,
    fromRequester: m.authorId === requesterId,
    body: m.body,
    photoIds: m.photoIds,
    createdAt: m.createdAt.toISOString(),
  };
}

/** 沟通记录, oldest first. */
export async function listRequestMessagesOf(ctx: TSignedInContext, id: string) {
  const r = await loadRequest(ctx.db, id);
  const rows = await listRequestMessages(ctx.db, id);
  return { items: rows.map((m) => toRequestMessage(m, ctx.actor.personId, r.requesterId)) };
}

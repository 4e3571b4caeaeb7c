import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inboxMessages } from '../schema';

/** Puts the notification in the person's inbox once: a second delivery of it changes nothing. */
export async function insertInboxMessage(
  db: Db,
  v: { notificationId: string; personId: string; template: string; title: string; body: string; link: string | null; priority: number; createdAt: Date },
): Promise<boolean> {
  const r = await db.insert(inboxMessages).values(v).onConflictDoNothing({ target: inboxMessages.notificationId }).returning({ id: inboxMessages.id });
  return r.length === 1;
}

export type TInboxRecord = {
  id: string;
  template: string;
  title: string;
  body: string;
  link: string | null;
  priority: number;
  createdAt: Date;
  readAt: Date | null;
};

const cols = {
  id: inboxMessages.id,
  template: inboxMessages.template,
  title: inboxMessages.title,
  body: inboxMessages.body,
  link: inboxMessages.link,
  priority: inboxMessages.priority,
  createdAt: inboxMessages.createdAt,
  readAt: inboxMessages.readAt,
};

/** The inbox copy of a notification says something new (its event moved on); read state unchanged. */
export async function rewriteInboxMessage(db: Db, notificationId: string, v: { title: string; body: string }): Promise<void> {
  await db.update(inboxMessages).set(v).where(eq(inboxMessages.notificationId, notificationId));
}

/** Newest first; `before` = the (createdAt, id) of the last item of the previous page. */
export async function listInbox(db: Db, personId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<TInboxRecord[]> {
  return db
    .select(cols)
    .from(inboxMessages)
    .where(
      and(
        eq(inboxMessages.personId, personId),
        before
          ? or(lt(inboxMessages.createdAt, before.createdAt), and(eq(inboxMessages.createdAt, before.createdAt), lt(inboxMessages.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(limit);
}

export async function countUnread(db: Db, personId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.personId, personId), isNull(inboxMessages.readAt)));
  return Number(r.n);
}

/** Marks one of the person's messages read; false when it is not theirs. */
export async function markInboxRead(db: Db, personId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(inboxMessages)
    .set({ readAt: at })
    .where(and(eq(inboxMessages.id, id), eq(inboxMessages.personId, personId)))
    .returning({ id: inboxMessages.id });
  return r.length === 1;
}

export async function markAllInboxRead(db: Db, personId: string, at: Date): Promise<number> {
  const r = await db
    .update(inboxMessages)
    .set({ readAt: at })
    .where(and(eq(inboxMessages.personId, personId), isNull(inboxMessages.readAt)))
    .returning({ id: inboxMessages.id });
  return r.length;
}

export async function countInboxCopies(db: Db, notificationIds: string[]): Promise<Map<string, number>> {
  const rows = await db.select({ id: inboxMessages.notificationId, n: count() }).from(inboxMessages).groupBy(inboxMessages.notificationId);
  const want = new Set(notificationIds);
  return new Map(rows.filter((r) => want.has(r.id)).map((r) => [r.id, Number(r.n)]));
}

/** Opening a message acknowledges the notification behind it (the chain to SMS stops). */
export async function acknowledgeInboxMessages(db: Db, personId: string, at: Date, inboxId?: string): Promise<void> {
  await db.execute(sql`
    update notifications n set acknowledged_at = ${at.toISOString()}::timestamptz
      from inbox_messages m
     where m.notification_id = n.id and m.person_id = ${personId} and n.acknowledged_at is null
       ${inboxId ? sql`and m.id = ${inboxId}` : sql``}`);
}

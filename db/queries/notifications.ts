import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared, type TPlaceholders } from '../prepared';
import { notifications, people, wechatIdentities } from '../schema';
import { homeVillageSql } from './org';
import type { TNotificationState, TPushState } from '../../shared/domain/notifications';

export type TNotificationInsert = {
  recipientId: string;
  villageId: string | null;
  template: string;
  payload: Record<string, string | number | null>;
  priority: number;
  dedupeKey: string | null;
  /** what acknowledges it (opening the task, accepting, 我去); see shared/domain/channel-policy.ts */
  ackKey?: string | null;
  runAt: Date;
  createdAt: Date;
};

/** Inserts outbox rows; a row whose dedupe key exists is skipped. Returns how many went in. */
export async function insertNotifications(db: Db, rows: TNotificationInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id });
  return r.length;
}

/**
 * As insertNotifications, each row's village being its recipient's home village, looked up by
 * the insert itself: one statement however many recipients.
 */
export async function insertNotificationsToHomeVillages(db: Db, rows: Omit<TNotificationInsert, 'villageId'>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db
    .insert(notifications)
    .values(rows.map((row) => ({ ...row, villageId: homeVillageSql(row.recipientId) })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return r.length;
}

export type TClaimedNotification = {
  id: string;
  recipientId: string;
  template: string;
  payload: Record<string, string | number | null>;
  priority: number;
  attempts: number;
  maxAttempts: number;
  pushState: string | null;
  createdAt: Date;
  step: number;
  acknowledgedAt: Date | null;
};

/**
 * Claims up to `limit` due rows (pending and due, or processing with an expired lease) with
 * FOR UPDATE SKIP LOCKED, so concurrent dispatchers never take the same row.
 */
export async function claimDueNotifications(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<TClaimedNotification[]> {
  const r = await db.execute(sql`
    update notifications n
       set state = 'processing', attempts = n.attempts + 1, locked_until = ${leaseUntil.toISOString()}::timestamptz
     where n.id in (
       select id from notifications
        where (state = 'pending' and run_at <= ${now.toISOString()}::timestamptz)
           or (state = 'processing' and locked_until < ${now.toISOString()}::timestamptz)
        order by priority desc, run_at
        limit ${limit}
        for update skip locked)
    returning n.id, n.recipient_id, n.template, n.payload, n.priority, n.attempts, n.max_attempts, n.push_state, n.created_at, n.step, n.acknowledged_at`);
  return mapClaimed(r);
}

function mapClaimed(r: unknown): TClaimedNotification[] {
  const rows = (r as { rows: Record<string, unknown>[] }).rows;
  return rows.map((x) => ({
    id: x.id as string,
    recipientId: x.recipient_id as string,
    template: x.template as string,
    payload: (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as TClaimedNotification['payload'],
    priority: Number(x.priority),
    attempts: Number(x.attempts),
    maxAttempts: Number(x.max_attempts),
    pushState: (x.push_state as string | null) ?? null,
    createdAt: new Date(x.created_at as string),
    step: Number(x.step ?? 0),
    acknowledgedAt: x.acknowledged_at ? new Date(x.acknowledged_at as string) : null,
  }));
}

/**
 * Claims delivered notifications whose next channel step is due (SKIP LOCKED), pushing the due
 * time out by the lease so a dispatcher that dies mid-step leaves the row to the next one.
 */
export async function claimDueSteps(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<TClaimedNotification[]> {
  const r = await db.execute(sql`
    update notifications n
       set step_due_at = ${leaseUntil.toISOString()}::timestamptz
     where n.id in (
       select id from notifications
        where step_due_at is not null and step_due_at <= ${now.toISOString()}::timestamptz
        order by priority desc, step_due_at
        limit ${limit}
        for update skip locked)
    returning n.id, n.recipient_id, n.template, n.payload, n.priority, n.attempts, n.max_attempts, n.push_state, n.created_at, n.step, n.acknowledged_at`);
  return mapClaimed(r);
}

/** Sets the next channel step and when it is due (null: no step left). */
export async function scheduleStep(db: Db, id: string, step: number, dueAt: Date | null): Promise<void> {
  await db.update(notifications).set({ step, stepDueAt: dueAt }).where(eq(notifications.id, id));
}

/** 已确认: every notification of an event key (for one recipient, or all of them) is acknowledged. */
export async function acknowledgeByKey(db: Db, ackKey: string, at: Date, recipientId?: string): Promise<number> {
  const r = await db
    .update(notifications)
    .set({ acknowledgedAt: at })
    .where(
      and(eq(notifications.ackKey, ackKey), sql`${notifications.acknowledgedAt} is null`, recipientId ? eq(notifications.recipientId, recipientId) : undefined),
    )
    .returning({ id: notifications.id });
  return r.length;
}

/** A recipient acknowledges notifications by id (opening the message) or by template (opening the task list). */
const acknowledgeTemplateRows = prepared((db, p: TPlaceholders<{ recipientId: string; template: string; at: string }>) =>
  db
    .update(notifications)
    .set({ acknowledgedAt: sql`${p.at}::timestamptz` })
    .where(and(eq(notifications.recipientId, p.recipientId), sql`${notifications.acknowledgedAt} is null`, eq(notifications.template, p.template))),
);

/** Marks the recipient's unacknowledged notifications of one template seen (a cleaner opening their tasks: polled). */
export async function acknowledgeTemplate(db: Db, recipientId: string, template: string, at: Date): Promise<void> {
  await acknowledgeTemplateRows(db, { recipientId, template, at: at.toISOString() });
}

/** Moves the push state only from `from` (null = not tried); false when someone else moved it. */
export async function movePushState(db: Db, id: string, from: TPushState | null, to: TPushState | null): Promise<boolean> {
  const r = await db
    .update(notifications)
    .set({ pushState: to })
    .where(and(eq(notifications.id, id), from === null ? sql`${notifications.pushState} is null` : eq(notifications.pushState, from)))
    .returning({ id: notifications.id });
  return r.length === 1;
}

export async function markNotificationDone(db: Db, id: string, at: Date, lastError: string | null = null): Promise<void> {
  await db
    .update(notifications)
    .set({ state: 'done', deliveredAt: at, lockedUntil: null, lastError })
    .where(and(eq(notifications.id, id), eq(notifications.state, 'processing')));
}

export async function rescheduleNotification(db: Db, id: string, runAt: Date, error: string): Promise<void> {
  await db
    .update(notifications)
    .set({ state: 'pending', runAt, lockedUntil: null, lastError: error })
    .where(and(eq(notifications.id, id), eq(notifications.state, 'processing')));
}

export async function failNotification(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(notifications)
    .set({ state: 'failed', lockedUntil: null, lastError: error })
    .where(and(eq(notifications.id, id), eq(notifications.state, 'processing')));
}

/** A cadre's retry: a failed notification goes back to the queue with fresh attempts. */
export async function requeueFailedNotification(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(notifications)
    .set({
      state: 'pending',
      attempts: 0,
      runAt: at,
      lockedUntil: null,
      pushState: sql`case when ${notifications.pushState} = 'failed' then null else ${notifications.pushState} end`,
    })
    .where(and(eq(notifications.id, id), eq(notifications.state, 'failed')))
    .returning({ id: notifications.id });
  return r.length === 1;
}

export type TNotificationRow = {
  id: string;
  recipientId: string;
  recipientName: string;
  template: string;
  state: TNotificationState;
  pushState: TPushState | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

/** A notification with its recipient's name, as the failed-notifications page lists it. */
function selectNotificationRows(db: Db) {
  return db
    .select({
      id: notifications.id,
      recipientId: notifications.recipientId,
      recipientName: people.name,
      template: notifications.template,
      state: notifications.state,
      pushState: notifications.pushState,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
      deliveredAt: notifications.deliveredAt,
    })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.recipientId));
}

export async function listNotificationsOfVillage(db: Db, villageId: string, states: readonly TNotificationState[], limit = 100): Promise<TNotificationRow[]> {
  return selectNotificationRows(db)
    .where(and(eq(notifications.villageId, villageId), inArray(notifications.state, states)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function findNotification(db: Db, id: string): Promise<TNotificationRow | null> {
  const [r] = await selectNotificationRows(db).where(eq(notifications.id, id));
  return r ?? null;
}

export async function countNotificationsByState(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ state: notifications.state, n: count() }).from(notifications).groupBy(notifications.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** The person's openid for the app, if they ever signed in with WeChat. */
export async function findOpenidOfPerson(db: Db, personId: string, appId: string): Promise<string | null> {
  const [r] = await db
    .select({ openid: wechatIdentities.openid })
    .from(wechatIdentities)
    .where(and(eq(wechatIdentities.personId, personId), eq(wechatIdentities.appId, appId)))
    .orderBy(desc(wechatIdentities.lastLoginAt))
    .limit(1);
  return r?.openid ?? null;
}

/**
 * Merges `patch` into the payload of the notification with this event key and returns it
 * (null when there is none), so a message can be re-rendered when its event has moved on.
 */
export async function patchNotificationPayload(
  db: Db,
  dedupeKey: string,
  patch: Record<string, string | number | null>,
): Promise<{ id: string; template: string; payload: Record<string, string | number | null> } | null> {
  const [r] = await db
    .update(notifications)
    .set({ payload: sql`${notifications.payload} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(notifications.dedupeKey, dedupeKey))
    .returning({ id: notifications.id, template: notifications.template, payload: notifications.payload });
  return r ?? null;
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { wechatIdentities } from '../schema';

export async function findWechatIdentity(db: Db, appId: string, openid: string): Promise<{ id: string; personId: string } | null> {
  const [r] = await db
    .select({ id: wechatIdentities.id, personId: wechatIdentities.personId })
    .from(wechatIdentities)
    .where(and(eq(wechatIdentities.appId, appId), eq(wechatIdentities.openid, openid)));
  return r ?? null;
}

/** Inserts the identity; returns null when another request inserted the same openid first. */
export async function insertWechatIdentity(
  db: Db,
  v: { appId: string; openid: string; unionid: string | null; personId: string },
): Promise<{ id: string; personId: string } | null> {
  const [r] = await db
    .insert(wechatIdentities)
    .values(v)
    .onConflictDoNothing({ target: [wechatIdentities.appId, wechatIdentities.openid] })
    .returning({ id: wechatIdentities.id, personId: wechatIdentities.personId });
  return r ?? null;
}

export async function touchWechatIdentity(db: Db, id: string, at: Date, unionid: string | null): Promise<void> {
  await db
    .update(wechatIdentities)
    .set(unionid ? { lastLoginAt: at, unionid } : { lastLoginAt: at })
    .where(eq(wechatIdentities.id, id));
}

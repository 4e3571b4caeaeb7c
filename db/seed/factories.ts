import { randomUUID } from 'node:crypto';
import type { Db } from '../client';
import {
  binCleaners,
  bins,
  courtyardInvitations,
  courtyards,
  households,
  joinRequests,
  people,
  roleAssignments,
  townships,
  villages,
  wechatIdentities,
} from '../schema';
import { insertReward, type TRewardRecord } from '../queries/rewards';
import type { TRole } from '../../shared/contracts/common';
import { ROLE_INFO } from '../../shared/domain/roles';

export type TOrgTree = {
  townshipId: string;
  villages: { id: string; courtyards: { id: string; householdId: string }[] }[];
};

/**
 * A fresh township with `villages` villages of `courtyards` courtyards (one household each),
 * named uniquely so tests on a shared server database never collide.
 */
export async function createOrgTree(db: Db, shape: { villages?: number; courtyards?: number } = {}): Promise<TOrgTree> {
  const tag = randomUUID().slice(0, 8);
  const [t] = await db
    .insert(townships)
    .values({ name: `测试镇${tag}` })
    .returning({ id: townships.id });
  const tree: TOrgTree = { townshipId: t.id, villages: [] };
  for (let v = 0; v < (shape.villages ?? 2); v++) {
    const [vr] = await db
      .insert(villages)
      .values({ townshipId: t.id, name: `测试村${v + 1}` })
      .returning({ id: villages.id });
    const cs: TOrgTree['villages'][number]['courtyards'] = [];
    for (let c = 0; c < (shape.courtyards ?? 2); c++) {
      const [cr] = await db
        .insert(courtyards)
        .values({ villageId: vr.id, name: `院落${v + 1}-${c + 1}` })
        .returning({ id: courtyards.id });
      const [hr] = await db.insert(households).values({ courtyardId: cr.id, label: '1号' }).returning({ id: households.id });
      cs.push({ id: cr.id, householdId: hr.id });
    }
    tree.villages.push({ id: vr.id, courtyards: cs });
  }
  return tree;
}

/** A person holding `role` at the given scope of `tree` (courtyard roles need a courtyard index). */
export async function createPersonWithRole(
  db: Db,
  tree: TOrgTree,
  role: TRole | null,
  at: { village?: number; courtyard?: number } = {},
  name = '测试人员',
): Promise<{ personId: string }> {
  const v = tree.villages[at.village ?? 0];
  const c = v.courtyards[at.courtyard ?? 0];
  const scope = role ? ROLE_INFO[role].scope : null;
  const [p] = await db
    .insert(people)
    .values({ name, phone: '13800000000', householdId: role === 'villager' ? c.householdId : null })
    .returning({ id: people.id });
  if (role) {
    await db.insert(roleAssignments).values({
      personId: p.id,
      role,
      scopeType: scope!,
      townshipId: tree.townshipId,
      villageId: scope === 'township' ? null : v.id,
      courtyardId: scope === 'courtyard' ? c.id : null,
    });
  }
  return { personId: p.id };
}

/** A pending 入院申请 by a new person to `courtyardId` (with the invite it used). */
export async function createPendingJoinRequest(db: Db, courtyardId: string, createdBy: string): Promise<{ id: string; personId: string }> {
  const [applicant] = await db.insert(people).values({ name: '申请人' }).returning({ id: people.id });
  const [invite] = await db
    .insert(courtyardInvitations)
    .values({ courtyardId, code: randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase(), createdBy, expiresAt: new Date(Date.now() + 86400e3) })
    .returning({ id: courtyardInvitations.id });
  const [r] = await db
    .insert(joinRequests)
    .values({ personId: applicant.id, courtyardId, invitationId: invite.id, name: '申请人', phone: '13700000000', householdLabel: '9号' })
    .returning({ id: joinRequests.id });
  return { id: r.id, personId: applicant.id };
}

/** Links a person to a WeChat openid (as their first sign-in would). */
export async function createWechatIdentity(db: Db, personId: string, appId: string, openid: string, unionid: string | null = null): Promise<void> {
  await db.insert(wechatIdentities).values({ personId, appId, openid, unionid });
}

/** A bin in the tree's first village (courtyard 0), with an unguessable code, cleaned by `cleanerIds`. */
export async function createBin(
  db: Db,
  tree: TOrgTree,
  cleanerIds: string[],
  at = { lat: 29.56, lng: 106.46 },
  village = 0,
): Promise<{ id: string; code: string }> {
  const { makeSceneCode } = await import('../../shared/domain/scene-code');
  const { randomBytes } = await import('node:crypto');
  const v = tree.villages[village];
  const code = makeSceneCode(12, (n) => randomBytes(n));
  const [b] = await db
    .insert(bins)
    .values({ villageId: v.id, courtyardId: v.courtyards[0].id, label: `测试桶${code}`, code, lat: at.lat, lng: at.lng })
    .returning({ id: bins.id });
  if (cleanerIds.length) await db.insert(binCleaners).values(cleanerIds.map((personId) => ({ binId: b.id, personId })));
  return { id: b.id, code };
}

/** A reward open to everyone in `villageId`: active, no picture, no per-person limit, no time window unless `v` says otherwise. */
export async function createReward(
  db: Db,
  v: Pick<TRewardRecord, 'villageId' | 'name' | 'price' | 'stock'> & Partial<Omit<TRewardRecord, 'id'>> & { createdBy: string },
): Promise<TRewardRecord> {
  return insertReward(db, { pictureUrl: null, perPersonLimit: null, startsAt: null, endsAt: null, active: true, ...v });
}

import type { Db } from '../../../db/client';
import { listVillageRoleHolders } from '../../../db/queries/bins';
import { listCourtyardRoleHolders } from '../../../db/queries/roles';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

/** Tells the heads of the poster's courtyard (or, without one, the village cadres) that a post waits for review. */
export async function notifyReviewers(
  ctx: TServiceContext, tx: Db, post: { kind: 'listing' | 'job'; id: string; title: string; posterName: string; courtyardId: string | null; villageId: string; flag: string | null; seq: string },
): Promise<void> {
  let people = post.courtyardId ? await listCourtyardRoleHolders(tx, 'courtyard_head', post.courtyardId) : [];
  if (!people.length) people = await listVillageRoleHolders(tx, 'village_cadre', post.villageId);
  await notify(
    ctx,
    tx,
    people.map((p) => ({
      recipientId: p, template: 'market_review_needed' as const, dedupeKey: `${post.kind}:${post.id}:review:${post.seq}:${p}`,
      payload: { kind: post.kind, title: post.title, posterName: post.posterName, flag: post.flag },
    })),
  );
}

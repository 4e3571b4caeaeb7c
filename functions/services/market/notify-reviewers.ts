import type { Db } from '../../../db/client';
import { listRoleHolders } from '../../../db/queries/roles';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

/** Tells the heads of the poster's courtyard (or, without one, the village cadres) that a post waits for review. */
export async function notifyReviewers(
  ctx: TServiceContext,
  tx: Db,
  post: {
    kind: 'listing' | 'job';
    id: string;
    title: string;
    posterName: string;
    courtyardId: string | null;
    villageId: string;
    flag: string | null;
    seq: string;
  },
): Promise<void> {
  let reviewers = post.courtyardId ? await listRoleHolders(tx, 'courtyard_head', { type: 'courtyard', id: post.courtyardId }) : [];
  if (!reviewers.length) reviewers = await listRoleHolders(tx, 'village_cadre', { type: 'village', id: post.villageId });
  await notify(
    ctx,
    tx,
    reviewers.map(({ id: p }) => ({
      recipientId: p,
      template: 'market_review_needed' as const,
      dedupeKey: `${post.kind}:${post.id}:review:${post.seq}:${p}`,
      payload: { kind: post.kind, title: post.title, posterName: post.posterName, flag: post.flag },
    })),
  );
}

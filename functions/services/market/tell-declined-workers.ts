import type { Db } from '../../../db/client';
import type { TServiceContext } from '../context';
import { notify } from '../notifications/notify';

/** Tells people whose applications were declined in bulk (filled, closed, expired). */
export async function tellDeclinedWorkers(ctx: TServiceContext, tx: Db, job: { id: string; title: string }, declined: { id: string; workerId: string }[]) {
  await notify(
    ctx,
    tx,
    declined.map((a) => ({
      recipientId: a.workerId,
      template: 'application_decided' as const,
      dedupeKey: `application:${a.id}:decided`,
      payload: { result: 'declined', title: job.title, jobId: job.id },
    })),
  );
}

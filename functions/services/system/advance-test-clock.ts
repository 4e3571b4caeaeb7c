import { advanceAppClock } from '../../runtime/clock';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { runDueWork } from '../work/run-due-work';

/**
 * 测试时钟: moves the server clock forward and runs what fell due, so a browser test can see
 * an unaccepted request climb to the cadre. Without TEST_CLOCK=1 the route does not exist (404),
 * and production refuses to start with it on.
 */
export async function advanceTestClock(ctx: TServiceContext, minutes: number) {
  if (!ctx.env.TEST_CLOCK) throw new AppError('NOT_FOUND');
  const offsetMs = advanceAppClock(minutes * 60_000);
  const work = await runDueWork({ db: ctx.db, now: ctx.now, env: ctx.env });
  return { now: ctx.now().toISOString(), offsetMinutes: Math.round(offsetMs / 60_000), jobs: work.jobs };
}

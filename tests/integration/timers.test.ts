import { randomUUID } from 'node:crypto';
import { findJob } from '../../db/queries/jobs';
import { findJoinRequest } from '../../db/queries/join-requests';
import { listInbox } from '../../db/queries/inbox';
import { createOrgTree, createPendingJoinRequest, createPersonWithRole, type TOrgTree } from '../../db/seed/factories';
import { cancelJob, scheduleJob } from '../../functions/services/jobs/schedule-job';
import { runDueJobs } from '../../functions/services/jobs/run-due-jobs';
import { runDueWork } from '../../functions/services/work/run-due-work';
import { backoffMs } from '../../shared/domain/backoff';
import { useTestDb } from '../helpers/db';
import { TestClock, workCtx } from '../helpers/work';

const db = useTestDb();
let tree: TOrgTree;
const d = () => db.handle().db;

beforeAll(async () => {
  tree = await createOrgTree(d());
});

async function pendingRequest() {
  const head = await createPersonWithRole(d(), tree, 'courtyard_head');
  return createPendingJoinRequest(d(), tree.villages[0].courtyards[0].id, head.personId);
}

describe('timers (scheduled jobs)', () => {
  it('runs a job at its time, not before, exactly once', async () => {
    const clock = new TestClock();
    const req = await pendingRequest();
    const key = `test-expire:${req.id}`;
    await scheduleJob(d(), { name: 'join_request_expire', key, runAt: new Date(clock.t + 3600e3), payload: { requestId: req.id } }, clock.now());

    clock.advance(3599e3);
    await runDueJobs(workCtx(d(), clock));
    expect((await findJob(d(), key))?.state).toBe('pending');
    expect((await findJoinRequest(d(), req.id))?.state).toBe('pending');

    clock.advance(2e3);
    const r = await runDueJobs(workCtx(d(), clock));
    expect(r.ran).toBeGreaterThanOrEqual(1);
    expect((await findJob(d(), key))?.state).toBe('done');
    expect((await findJoinRequest(d(), req.id))?.state).toBe('expired');
    await runDueJobs(workCtx(d(), clock));
    expect((await findJob(d(), key))?.attempts).toBe(1);
  });

  it('is idempotent by key: scheduling the same key twice keeps the first', async () => {
    const clock = new TestClock();
    const key = `idem:${randomUUID()}`;
    expect(
      await scheduleJob(d(), { name: 'join_request_expire', key, runAt: new Date(clock.t + 1000), payload: { requestId: randomUUID() } }, clock.now()),
    ).toBe(true);
    expect(await scheduleJob(d(), { name: 'join_request_expire', key, runAt: new Date(clock.t + 9e9), payload: {} }, clock.now())).toBe(false);
    expect((await findJob(d(), key))?.runAt.getTime()).toBe(clock.t + 1000);
  });

  it('does not run a cancelled job', async () => {
    const clock = new TestClock();
    const req = await pendingRequest();
    const key = `cancel:${req.id}`;
    await scheduleJob(d(), { name: 'join_request_expire', key, runAt: new Date(clock.t + 1000), payload: { requestId: req.id } }, clock.now());
    expect(await cancelJob(d(), key, clock.now())).toBe(true);
    clock.advance(5000);
    await runDueJobs(workCtx(d(), clock));
    expect((await findJob(d(), key))?.state).toBe('cancelled');
    expect((await findJoinRequest(d(), req.id))?.state).toBe('pending');
    expect(await cancelJob(d(), key, clock.now())).toBe(false);
  });

  it('backs off a failing job and marks it failed after its attempts, keeping the error', async () => {
    const clock = new TestClock();
    const key = `fail:${randomUUID()}`;
    // a payload the handler cannot read: the request id is not a uuid, so the query throws
    await scheduleJob(d(), { name: 'join_request_expire', key, runAt: clock.now(), payload: { requestId: 'not-a-uuid' } }, clock.now());
    for (let i = 1; i <= 5; i++) {
      await runDueJobs(workCtx(d(), clock));
      clock.advance(backoffMs(i, { random: () => 0.5 }) + 1);
    }
    const job = await findJob(d(), key);
    expect(job).toMatchObject({ state: 'failed', attempts: 5 });
    expect(job?.lastError).toBeTruthy();
  });

  it('expires an undecided join request after 30 days and tells the applicant', async () => {
    const clock = new TestClock(Date.now());
    const req = await pendingRequest();
    await scheduleJob(
      d(),
      { name: 'join_request_expire', key: `e2e:${req.id}`, runAt: new Date(clock.t + 30 * 86400e3), payload: { requestId: req.id } },
      clock.now(),
    );
    clock.advance(30 * 86400e3 + 1);
    await runDueWork(workCtx(d(), clock));
    expect((await findJoinRequest(d(), req.id))?.state).toBe('expired');
    expect((await listInbox(d(), req.personId, 5)).map((m) => m.template)).toContain('join_request_decided');
  });
});

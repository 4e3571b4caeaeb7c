import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { listActiveGrants } from '../../db/queries/roles';
import { env } from '../../functions/runtime/env';
import type { TDeliveryStage, TServiceContext, TSignedInContext, TWorkContext } from '../../functions/services/context';
import { testEnv } from './db';

/** An injected clock: tests move time instead of sleeping. */
export class TestClock {
  constructor(public t = new Date('2026-06-01T02:00:00Z').getTime()) {}
  now = () => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export function workCtx(db: Db, clock: TestClock, fault?: (stage: TDeliveryStage) => void): TWorkContext {
  return { db, now: clock.now, env: env(), random: () => 0.5, fault };
}

/**
 * A signed-in context with no grants, for calling a use case directly as `personId` (access is
 * the adapter's step, so the use case never reads the grants); the real clock unless `now` is given.
 */
export function personCtx(db: Db, personId: string, o: { dbKind?: TServiceContext['dbKind']; now?: () => Date } = {}): TSignedInContext {
  return {
    db,
    dbKind: o.dbKind ?? 'pglite',
    now: o.now ?? (() => new Date()),
    requestId: randomUUID(),
    env: testEnv(),
    actor: { personId, sessionId: 's', grants: [] },
  };
}

/** A signed-in context for calling use cases directly as `personId`, on the test clock. */
export async function actorCtx(db: Db, personId: string, clock: TestClock): Promise<TSignedInContext> {
  const grants = await listActiveGrants(db, personId);
  return {
    db,
    dbKind: 'pglite',
    now: clock.now,
    requestId: randomUUID(),
    env: env(),
    actor: {
      personId,
      sessionId: 'test',
      grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId, villageId: g.villageId, townshipId: g.townshipId })),
    },
  };
}

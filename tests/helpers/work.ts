import type { Db } from '../../db/client';
import { env } from '../../functions/_lib/env';
import type { TDeliveryStage, TWorkContext } from '../../functions/services/context';

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

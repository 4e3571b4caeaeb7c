import type { Db } from '../../db/client';
import type { TGrant } from '../../shared/domain/access';
import type { TEnv } from '../runtime/env';

/** The signed-in caller, as resolved from the session token. */
export type TActor = { personId: string; sessionId: string; grants: TGrant[] };

/** What every use case receives: the database, the clock, the caller and config. */
export type TServiceContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  now: () => Date;
  actor: TActor | null;
  requestId: string;
  env: TEnv;
  /** Set by use cases; the adapter acts on them after the transaction committed. */
  effects?: { notified?: boolean };
};

/** What background work (dispatcher, timers) runs with: no caller, the same clock and config. */
export type TWorkContext = {
  db: Db;
  now: () => Date;
  env: TEnv;
  /** fault injection for tests: called at each delivery stage; may throw to simulate a crash */
  fault?: (stage: TDeliveryStage) => void;
  random?: () => number;
};

export type TDeliveryStage = 'after-claim' | 'after-inbox' | 'before-send' | 'after-send' | 'before-done';

export type TSignedInContext = TServiceContext & { actor: TActor };

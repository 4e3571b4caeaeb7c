import type { Db } from '../../db/client';
import type { TGrant } from '../../shared/domain/access';
import type { TEnv } from '../runtime/env';

/**
 * A grant of the signed-in caller. Resolved from the session it also carries its courtyard and
 * scope name, so 我的 shows the roles without reading them again; actors made elsewhere may not.
 */
export type TActorGrant = TGrant & { courtyardId?: string | null; scopeName?: string };

/** The signed-in caller, as resolved from the session token. */
export type TActor = { personId: string; sessionId: string; grants: TActorGrant[] };

/** What every use case receives: the database, the clock, the caller and config. */
export type TServiceContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  now: () => Date;
  actor: TActor | null;
  requestId: string;
  env: TEnv;
  /** the caller's User-Agent header (登录设备 labels), when sent */
  userAgent?: string;
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

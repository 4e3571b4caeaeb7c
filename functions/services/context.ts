import type { Db } from '../../db/client';
import type { TGrant } from '../../shared/domain/access';
import type { TEnv } from '../_lib/env';

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
};

export type TSignedInContext = TServiceContext & { actor: TActor };

import { sql, type Placeholder } from 'drizzle-orm';
import type { PgSession } from 'drizzle-orm/pg-core';
import type { Db } from './client';

type TSession = PgSession;
type TPrepareArgs = Parameters<TSession['prepareQuery']>;
type TPrepared = ReturnType<TSession['prepareQuery']> & { joinsNotNullableMap?: unknown };

/** `p.name` in a prepared query's builder: the placeholder its value fills at each call. */
export type TPlaceholders<TArgs> = { readonly [K in keyof TArgs & string]: Placeholder<K, TArgs[K]> };

const placeholders = new Proxy({} as Record<string, Placeholder>, { get: (_, name) => sql.placeholder(String(name)) });

/**
 * A hot query whose SQL is built once per process and then only filled with new values
 * (decision 022). drizzle otherwise rebuilds the statement text on every call (≈150 µs for a
 * small select, most of the node CPU of a request).
 *
 * Safe behind PgBouncer in transaction mode: nothing is named on the server. drizzle's own
 * `.prepare(name)` sends a named server-side statement on node-postgres (pg's `name`), which
 * breaks when the next transaction lands on another server connection. Here the built query is
 * handed to whatever session `db` is — the pool, a transaction's connection, PGlite — with no
 * name, so pg sends an unnamed Parse/Bind/Execute exactly as for an ordinary query.
 *
 * `build` is called once, against a session that records what drizzle would prepare; values
 * must come from `p` (placeholders), never from outside (they would be frozen into the text).
 * In raw `sql` fragments a placeholder gets no column encoder: pass dates as ISO text there.
 */
export function prepared<TArgs extends Record<string, unknown>, TResult>(
  build: (db: Db, p: TPlaceholders<TArgs>) => PromiseLike<TResult>,
): (db: Db, args: TArgs) => Promise<TResult> {
  let built: { args: TPrepareArgs; joins: unknown } | undefined;
  return (db, args) => {
    built ??= capture(db, build as (db: Db, p: unknown) => unknown);
    const [query, fields, , arrayMode, mapper, meta, cacheConfig] = built.args;
    const q = sessionOf(db).prepareQuery(query, fields, undefined, arrayMode, mapper, meta, cacheConfig) as TPrepared;
    if (built.joins !== undefined) q.joinsNotNullableMap = built.joins;
    return q.execute(args) as Promise<TResult>;
  };
}

function sessionOf(db: Db): TSession {
  return (db as unknown as { _: { session: TSession } })._.session;
}

/** Runs `build` on a copy of `db` whose session records the query drizzle prepares instead of keeping it. */
function capture(db: Db, build: (db: Db, p: unknown) => unknown): { args: TPrepareArgs; joins: unknown } {
  const real = sessionOf(db);
  let args: TPrepareArgs | undefined;
  let made: TPrepared | undefined;
  const spy = Object.create(real, {
    prepareQuery: {
      value: (...a: TPrepareArgs) => {
        args = a;
        made = real.prepareQuery(...a) as TPrepared;
        return made;
      },
    },
  }) as TSession;
  const spyDb = Object.create(db, { session: { value: spy }, _: { value: { ...(db as unknown as { _: object })._, session: spy } } }) as Db;
  const q = build(spyDb, placeholders) as { prepare?: (name?: string) => unknown };
  // builders prepare when asked; db.execute(sql) prepared already while being built
  if (!args && typeof q.prepare === 'function') q.prepare(undefined);
  if (!args) throw new Error('prepared(): the builder prepared no query');
  return { args, joins: made?.joinsNotNullableMap };
}

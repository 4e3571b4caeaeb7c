import pg from 'pg';
import type { DbHandle } from '../../db/client';

type TAnyFn = (...args: unknown[]) => unknown;
type TPglite = { query: TAnyFn; exec: TAnyFn; transaction: (cb: (tx: Record<string, TAnyFn>) => unknown) => Promise<unknown> };

/**
 * Records every statement the real driver sends while `fn` runs: on the server each
 * `pg.Client#query` (pool queries, BEGIN/COMMIT/SAVEPOINT included); on PGlite each
 * `query`/`exec`, with the BEGIN and COMMIT/ROLLBACK that PGlite's `transaction` sends itself.
 * Counts statements of anything running in the process meanwhile: keep other work quiet.
 */
export async function recordStatements<T>(handle: DbHandle, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const text = (q: unknown) => (typeof q === 'string' ? q : ((q as { text?: string })?.text ?? String(q)));
  const restore: (() => void)[] = [];
  const patch = <O extends object>(obj: O, key: keyof O, wrap: (orig: TAnyFn) => TAnyFn) => {
    const orig = obj[key] as TAnyFn;
    (obj as Record<keyof O, unknown>)[key] = wrap(orig);
    restore.push(() => ((obj as Record<keyof O, unknown>)[key] = orig));
  };
  const counting = (orig: TAnyFn) =>
    function (this: unknown, ...args: unknown[]) {
      statements.push(text(args[0]));
      return orig.apply(this, args);
    };
  if (handle.kind === 'postgres') {
    patch(pg.Client.prototype, 'query', counting);
  } else {
    const client = (handle.db as unknown as { $client: TPglite }).$client;
    patch(client, 'query', (orig) => counting(orig.bind(client)));
    patch(client, 'exec', (orig) => counting(orig.bind(client)));
    patch(client, 'transaction', (orig) => async (cb: unknown) => {
      statements.push('BEGIN');
      let ok = false;
      try {
        const r = await (orig as TPglite['transaction']).call(client, (tx) => {
          const counted = { ...tx, query: counting(tx.query.bind(tx)), exec: counting(tx.exec.bind(tx)) };
          return (cb as (t: typeof counted) => unknown)(counted);
        });
        ok = true;
        return r;
      } finally {
        statements.push(ok ? 'COMMIT' : 'ROLLBACK');
      }
    });
  }
  try {
    return { result: await fn(), statements };
  } finally {
    for (const r of restore.reverse()) r();
  }
}

/** Transaction control (BEGIN, COMMIT, SAVEPOINT …) apart from the statements doing the work. */
export function isTransactionControl(statement: string): boolean {
  return /^\s*(begin|commit|rollback|savepoint|release)\b/i.test(statement);
}

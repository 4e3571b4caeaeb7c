/**
 * The raw-Postgres baseline: the statements an endpoint sends, captured from the pg clients
 * while it answers one request, written out as a pgbench script with the parameters inlined,
 * and replayed by /usr/bin/pgbench against the same database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TStatement = { text: string; values: unknown[]; result?: { fields: { name: string }[]; rows: unknown[] } };

type TClient = { query: (...a: unknown[]) => unknown; __captured?: true };
type TPool = { connect: (...a: unknown[]) => unknown };

/** Records every statement the pool's clients send while `sink` is set (pool.query checks out a client too). */
export function instrumentPool(pool: unknown): { capture: <T>(fn: () => Promise<T>) => Promise<{ result: T; statements: TStatement[] }> } {
  let sink: TStatement[] | null = null;
  const wrap = (client: TClient) => {
    if (client.__captured) return client;
    client.__captured = true;
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      const [q, v] = args;
      if (sink) {
        const text = typeof q === 'string' ? q : ((q as { text?: string }).text ?? '');
        const values = Array.isArray(v) ? v : ((q as { values?: unknown[] }).values ?? []);
        const entry: TStatement = { text, values };
        sink.push(entry);
        const ret = query(...args) as Promise<TStatement['result']> | undefined;
        // ids the database generates (RETURNING id) are read back by the replay with \gset
        if (ret && typeof ret.then === 'function')
          ret.then(
            (r) => (entry.result = r && !Array.isArray(r) ? r : undefined),
            () => undefined,
          );
        return ret;
      }
      return query(...args);
    };
    return client;
  };
  const p = pool as TPool;
  const connect = p.connect.bind(p);
  p.connect = (...args: unknown[]) => {
    const cb = args[0];
    if (typeof cb === 'function') return connect((err: unknown, client: TClient, done: unknown) => cb(err, client && wrap(client), done));
    return (connect() as Promise<TClient>).then(wrap);
  };
  return {
    capture: async (fn) => {
      sink = [];
      try {
        const result = await fn();
        return { result, statements: sink };
      } finally {
        sink = null;
      }
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

/**
 * A parameter as an SQL literal. E'…' with every colon as \\072: pgbench reads `:name` anywhere
 * in a line as its own variable (a dedupe key such as 'bin-report:abc…' broke the replay).
 */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const p = prepareValue(v);
  if (p === null) return 'NULL';
  const text = Buffer.isBuffer(p) ? `\\x${p.toString('hex')}` : String(p);
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\072')}'`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One statement as a pgbench line: parameters inlined (or pgbench variables for generated ids), on one line, ended by `;`. */
export function inline(s: TStatement, generated = new Map<string, string>()): string {
  const text = s.text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = s.values[Number(n) - 1];
    const name = typeof v === 'string' ? generated.get(v) : undefined;
    return name ? `:${name}` : literal(v);
  });
  return `${text.replace(/\s*\n\s*/g, ' ').trim()};`;
}

/** A uuid the database made in this statement's single result row becomes variable g<i>_<column> for the statements after it. */
function gset(s: TStatement, i: number, seen: Set<string>, generated: Map<string, string>): string | undefined {
  const r = s.result;
  // only rows an INSERT … RETURNING made; a select reads the same existing ids on replay, and its
  // joined columns often share a name (\gset would keep the last)
  if (!r || r.rows.length !== 1 || !r.fields?.length || !/^\s*insert\b/i.test(s.text)) return undefined;
  if (new Set(r.fields.map((f) => f.name)).size !== r.fields.length) return undefined;
  const row = r.rows[0] as unknown[] | Record<string, unknown>;
  let any = false;
  r.fields.forEach((f, j) => {
    const v = Array.isArray(row) ? row[j] : row[f.name];
    if (typeof v === 'string' && UUID.test(v) && !seen.has(v) && !generated.has(v) && /^[a-z_][a-z0-9_]*$/i.test(f.name)) {
      generated.set(v, `g${i}_${f.name}`);
      any = true;
    }
  });
  return any ? `g${i}_` : undefined;
}

/**
 * The captured request as pgbench lines. Captured inside an outer transaction that is rolled
 * back (so the database is as before), the request's own transaction shows as a savepoint:
 * it becomes BEGIN … COMMIT again, or ROLLBACK for writes, which must replay from the same state.
 */
export function toScript(statements: TStatement[], opts: { rollback: boolean }): string[] {
  let depth = 0;
  const seen = new Set<string>();
  const generated = new Map<string, string>();
  return statements.map((s, i) => {
    for (const v of s.values) if (typeof v === 'string') seen.add(v);
    const t = s.text.trim();
    if (/^savepoint /i.test(t)) return depth++ === 0 ? 'begin;' : `${t};`;
    if (/^release savepoint /i.test(t)) return --depth === 0 ? (opts.rollback ? 'rollback;' : 'commit;') : `${t};`;
    if (/^rollback to savepoint /i.test(t)) return --depth === 0 ? 'rollback;' : `${t};`;
    const line = inline(s, generated);
    const prefix = gset(s, i, seen, generated);
    return prefix ? `${line.slice(0, -1)} \\gset ${prefix}` : line;
  });
}

/** A script in which pgbench client k replays variant k (writes: each client its own bin and person). */
export function perClient(variants: string[][]): string {
  if (variants.length === 1) return variants[0].join('\n') + '\n';
  const out: string[] = [];
  variants.forEach((v, k) => out.push(k === 0 ? `\\if :client_id = 0` : k === variants.length - 1 ? '\\else' : `\\elif :client_id = ${k}`, ...v));
  out.push('\\endif');
  return out.join('\n') + '\n';
}

export type TPgbenchResult = { tps: number; failed?: string };

/** pgbench over `script` for `seconds` with `clients` connections (extended protocol, as pg sends). */
export function pgbench(url: string, script: string, clients: number, seconds: number): TPgbenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-pgbench-'));
  const file = path.join(dir, 'endpoint.sql');
  fs.writeFileSync(file, script);
  try {
    const bin = process.env.PGBENCH ?? '/usr/bin/pgbench';
    const r = spawnSync(bin, ['-n', '-M', 'extended', '-f', file, '-c', String(clients), '-j', '2', '-T', String(seconds), url], { encoding: 'utf8' });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(r.stdout ?? '');
    const aborted = /(client \d+ (?:script \d+ )?aborted[^\n]*\n?[^\n]*)/.exec(r.stderr ?? '');
    if (!tps || aborted || r.status !== 0)
      return { tps: tps ? Number(tps[1]) : NaN, failed: (aborted?.[1] ?? r.stderr ?? r.error?.message ?? 'no output').slice(0, 300) };
    return { tps: Number(tps[1]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

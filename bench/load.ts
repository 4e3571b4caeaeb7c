/**
 * The benches' load generator: `connections` keep-alive sockets, one request in flight on each,
 * for `seconds`. It runs in a worker thread (bench/load-worker.cjs, plain JavaScript), so a
 * server under test in the bench's own process keeps the main thread to itself, and a baseline
 * and our host meet the very same client (the issue's table used autocannon, a process of its
 * own). Answers that are not the expected status count as errors instead of stopping the run.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';

export type TLoadResult = { rps: number; p50: number; p99: number; n: number; errors: number; firstError?: string; statuses: Record<string, number> };

type TInit = { method?: string; headers?: Record<string, string>; body?: string };
export type TLoadRequest = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** the status every answer must have (default: any 2xx) */
  expect?: number;
  /**
   * writes that must each touch something fresh: each request is used once, made ahead of the
   * run (up to `NEXT_BATCH`; the run ends early if they are used up); wins over url/headers/body
   */
  next?: () => { url: string; init: RequestInit };
};

/** how many once-only requests one run has ready: more than a run on 2 cores sends */
const NEXT_BATCH = 2500;
/** once-only requests made for a run and not sent: the next run with the same `next` sends them first */
const unsent = new WeakMap<() => unknown, { url: string; init: RequestInit }[]>();

type TWireRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

function toWire(url: string, init: TInit): { port: number; host: string; request: TWireRequest } {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port),
    request: { method: init.method ?? 'GET', path: u.pathname + u.search, headers: init.headers, body: init.body },
  };
}

export async function load(req: TLoadRequest, seconds: number, connections: number): Promise<TLoadResult> {
  let requests: TWireRequest[] = [];
  let target: { host: string; port: number } | undefined;
  const ready = req.next ? (unsent.get(req.next) ?? []) : [];
  if (req.next) {
    while (ready.length < NEXT_BATCH) {
      try {
        ready.push(req.next());
      } catch {
        break; // the world ran out of fresh objects: run with what there is
      }
    }
    if (!ready.length) throw new Error('load: next() made no request');
    for (const made of ready) {
      const w = toWire(made.url, made.init as TInit);
      target = w;
      requests.push(w.request);
    }
  } else {
    const w = toWire(req.url, { method: req.method, headers: req.headers, body: req.body });
    target = w;
    requests = [w.request];
  }
  const job = { host: target!.host, port: target!.port, seconds, connections, requests, cycle: !req.next, expect: req.expect };
  return new Promise((resolve, reject) => {
    const w = new Worker(path.join(__dirname, 'load-worker.cjs'), { workerData: job });
    w.once('message', (m: (TLoadResult & { used: number }) | { failed: string }) => {
      if ('failed' in m) return reject(new Error(`load: ${m.failed}`));
      if (req.next) unsent.set(req.next, ready.slice(m.used));
      resolve(m);
    });
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited ${code}`)));
  });
}

/** Median by requests per second of `runs` loads (the table used medians of 6). */
export async function medianLoad(req: TLoadRequest, seconds: number, connections: number, runs: number): Promise<TLoadResult> {
  const all: TLoadResult[] = [];
  for (let r = 0; r < runs; r++) all.push(await load(req, seconds, connections));
  all.sort((a, b) => a.rps - b.rps);
  const mid = all[Math.floor(all.length / 2)];
  return { ...mid, errors: all.reduce((s, x) => s + x.errors, 0), firstError: all.find((x) => x.firstError)?.firstError };
}

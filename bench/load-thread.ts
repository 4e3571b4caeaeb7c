/**
 * A small HTTP/1.1 load generator for the benches: keep-alive sockets, one request in flight on
 * each, responses read by Content-Length. It runs in a worker thread, so the server under test
 * keeps the main thread to itself and a baseline and our host meet the very same client. The
 * worker is plain JavaScript (load-worker.cjs): it runs without the TypeScript loader.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export type TLoadResult = { rps: number; p50: number; p99: number; statuses: Record<string, number> };
type TJob = { port: number; path: string; seconds: number; connections: number; headers?: Record<string, string> };

/** Fires GET `path` at 127.0.0.1:`port` from a worker thread for `seconds`; resolves with the figures. */
export function load(job: TJob): Promise<TLoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(path.join(__dirname, 'load-worker.cjs'), { workerData: job });
    w.once('message', (m: TLoadResult) => resolve(m));
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited ${code}`)));
  });
}

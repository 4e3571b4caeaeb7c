/**
 * The benches' load generator: `connections` loops of fetch (undici, keep-alive) for `seconds`,
 * counting answers that are not the expected status as errors instead of stopping.
 * autocannon is not installed; this loop costs the generator more CPU per request, which is
 * why every figure is printed beside a baseline measured the same way in the same process.
 */
export type TLoadResult = { rps: number; p50: number; p99: number; n: number; errors: number; firstError?: string };

export type TLoadRequest = {
  url: string | ((i: number) => string);
  method?: string;
  headers?: Record<string, string> | ((i: number) => Record<string, string>);
  body?: (i: number) => string | undefined;
  /** the status every answer must have (default: any 2xx) */
  expect?: number;
  /** a whole request per call (writes that must each touch something fresh); wins over url/headers/body */
  next?: () => { url: string; init: RequestInit };
};

export async function load(req: TLoadRequest, seconds: number, connections: number): Promise<TLoadResult> {
  const started = performance.now();
  const end = started + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let seq = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const i = seq++;
        const made = req.next?.();
        const url = made?.url ?? (typeof req.url === 'function' ? req.url(i) : req.url);
        const init = made?.init ?? {
          method: req.method ?? 'GET',
          headers: typeof req.headers === 'function' ? req.headers(i) : req.headers,
          body: req.body?.(i),
        };
        const t = performance.now();
        try {
          const r = await fetch(url, init);
          const text = await r.text();
          const ok = req.expect ? r.status === req.expect : r.ok;
          if (!ok) {
            errors++;
            firstError ??= `${r.status} ${text.slice(0, 200)}`;
          }
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
        lat.push(performance.now() - t);
      }
    }),
  );
  const took = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / took,
    p50: lat[Math.floor(lat.length * 0.5)] ?? NaN,
    p99: lat[Math.floor(lat.length * 0.99)] ?? NaN,
    n: lat.length,
    errors,
    firstError,
  };
}

/** Median by requests per second of `runs` loads (the table used medians of 6). */
export async function medianLoad(req: TLoadRequest, seconds: number, connections: number, runs: number): Promise<TLoadResult> {
  const all: TLoadResult[] = [];
  for (let r = 0; r < runs; r++) all.push(await load(req, seconds, connections));
  all.sort((a, b) => a.rps - b.rps);
  const mid = all[Math.floor(all.length / 2)];
  return { ...mid, errors: all.reduce((s, x) => s + x.errors, 0), firstError: all.find((x) => x.firstError)?.firstError };
}

/**
 * 清运路线: the order in which a cleaner visits the full bins, starting where they are (or
 * the village depot) and ending at the last bin (an open path: the vehicle does not return).
 * Up to EXACT_MAX_STOPS stops the shortest order is found exactly (Held–Karp). Beyond that,
 * nearest neighbour builds a tour; 2-opt (reverse a segment) and Or-opt (move a run of 1–3
 * stops elsewhere) improve it; iterated local search kicks it until IDLE_KICKS kicks in a row
 * find nothing shorter or the time budget is spent.
 */
export type TPoint = { lat: number; lng: number };

const R = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function distanceM(a: TPoint, b: TPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the path start → stops[order[0]] → … → stops[order[n-1]]. */
export function pathLength(start: TPoint, stops: TPoint[], order: number[]): number {
  let total = 0;
  let at = start;
  for (const i of order) {
    total += distanceM(at, stops[i]);
    at = stops[i];
  }
  return total;
}

/** Nearest neighbour from the start. */
export function nearestNeighbour(start: TPoint, stops: TPoint[]): number[] {
  const left = new Set(stops.map((_, i) => i));
  const order: number[] = [];
  let at = start;
  while (left.size) {
    let best = -1;
    let bestD = Infinity;
    for (const i of left) {
      const d = distanceM(at, stops[i]);
      if (d < bestD) [best, bestD] = [i, d];
    }
    order.push(best);
    left.delete(best);
    at = stops[best];
  }
  return order;
}

/** Routes this short are solved exactly: 2^12 · 12² ≈ 0.6 M steps, a few milliseconds. */
export const EXACT_MAX_STOPS = 12;
/** Iterated local search stops after this many kicks in a row without a shorter route. */
export const IDLE_KICKS = 60;

/**
 * The shortest open path from `start` through every stop (Held–Karp dynamic programming over
 * subsets): `best[mask·n + j]` is the shortest path from the start through the stops in `mask`
 * ending at stop j. O(2ⁿ·n²) time, O(2ⁿ·n) memory: for n ≤ EXACT_MAX_STOPS.
 */
export function exactRoute(start: TPoint, stops: TPoint[]): number[] {
  const n = stops.length;
  if (n <= 1) return stops.map((_, i) => i);
  if (n > 20) throw new Error(`exactRoute: ${n} stops is too many to solve exactly`);
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) D[i * n + j] = D[j * n + i] = distanceM(stops[i], stops[j]);
  const full = (1 << n) - 1;
  const best = new Float64Array((full + 1) * n).fill(Infinity);
  const from = new Int8Array((full + 1) * n).fill(-1);
  for (let j = 0; j < n; j++) best[(1 << j) * n + j] = distanceM(start, stops[j]);
  for (let mask = 1; mask <= full; mask++) {
    for (let j = 0; j < n; j++) {
      const here = best[mask * n + j];
      if (here === Infinity || !(mask & (1 << j))) continue;
      for (let k = 0; k < n; k++) {
        if (mask & (1 << k)) continue;
        const next = mask | (1 << k);
        const len = here + D[j * n + k];
        if (len < best[next * n + k]) {
          best[next * n + k] = len;
          from[next * n + k] = j;
        }
      }
    }
  }
  let end = 0;
  for (let j = 1; j < n; j++) if (best[full * n + j] < best[full * n + end]) end = j;
  const order: number[] = [];
  for (let mask = full, j = end; j >= 0;) {
    order.push(j);
    const prev = from[mask * n + j];
    mask &= ~(1 << j);
    j = prev;
  }
  return order.reverse();
}

/**
 * A short visiting order: exact up to EXACT_MAX_STOPS stops; else nearest neighbour, then local
 * search with 2-opt and Or-opt moves, then iterated local search (a random double-bridge kick,
 * local search again, keeping the best) until `idleKicks` kicks in a row improve nothing or the
 * budget is spent. `random` is injectable and `maxKicks` bounds the work, so a test gets the
 * same route on a slow machine as on a fast one.
 */
export function planRoute(
  start: TPoint,
  stops: TPoint[],
  budgetMs = 150,
  opts: { now?: () => number; random?: () => number; maxKicks?: number; idleKicks?: number; exactMax?: number } = {},
): number[] {
  if (stops.length <= (opts.exactMax ?? EXACT_MAX_STOPS)) return exactRoute(start, stops);
  const now = opts.now ?? (() => performance.now());
  let seed = 12345;
  const random = opts.random ?? (() => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const n = stops.length;
  if (n <= 1) return stops.map((_, i) => i);
  const pts = [start, ...stops];
  const D = new Float64Array((n + 1) * (n + 1));
  for (let i = 0; i <= n; i++) for (let j = i + 1; j <= n; j++) D[i * (n + 1) + j] = D[j * (n + 1) + i] = distanceM(pts[i], pts[j]);
  const d = (a: number, b: number) => D[a * (n + 1) + b];
  const len = (t: number[]) => {
    let s = 0;
    for (let i = 1; i < t.length; i++) s += d(t[i - 1], t[i]);
    return s;
  };
  const deadline = now() + budgetMs;
  const EPS = 1e-7;

  /** 2-opt and Or-opt, first improvement, on an open path that starts at node 0. */
  function localSearch(tour: number[]): void {
    let improved = true;
    while (improved && now() < deadline) {
      improved = false;
      for (let i = 1; i < n && !improved; i++) {
        for (let j = i + 1; j <= n; j++) {
          const a = tour[i - 1],
            b = tour[i],
            c = tour[j];
          const next = j < n ? tour[j + 1] : -1;
          const before = d(a, b) + (next >= 0 ? d(c, next) : 0);
          const after = d(a, c) + (next >= 0 ? d(b, next) : 0);
          if (after + EPS < before) {
            for (let x = i, y = j; x < y; x++, y--) [tour[x], tour[y]] = [tour[y], tour[x]];
            improved = true;
            break;
          }
        }
      }
      if (improved) continue;
      for (let runLen = 1; runLen <= 3 && !improved; runLen++) {
        for (let i = 1; i + runLen - 1 <= n && !improved; i++) {
          const j = i + runLen - 1;
          const prev = tour[i - 1],
            first = tour[i],
            last = tour[j];
          const next = j < n ? tour[j + 1] : -1;
          const removeGain = d(prev, first) + (next >= 0 ? d(last, next) - d(prev, next) : 0);
          for (let k = 0; k <= n && !improved; k++) {
            if (k >= i - 1 && k <= j) continue;
            const p = tour[k];
            const q = k < n ? tour[k + 1] : -1;
            for (const rev of [false, true]) {
              const head = rev ? last : first;
              const tail = rev ? first : last;
              const addCost = d(p, head) + (q >= 0 ? d(tail, q) - d(p, q) : 0);
              if (addCost + EPS < removeGain) {
                const run = tour.splice(i, runLen);
                if (rev) run.reverse();
                tour.splice(k < i ? k + 1 : k + 1 - runLen, 0, ...run);
                improved = true;
                break;
              }
            }
          }
        }
      }
    }
  }

  let best = [0, ...nearestNeighbour(start, stops).map((i) => i + 1)];
  localSearch(best);
  let bestLen = len(best);
  // iterated local search: double-bridge kick on the stops, then improve again
  let kicks = 0;
  let idle = 0;
  while (n >= 8 && now() < deadline && kicks++ < (opts.maxKicks ?? Infinity) && idle < (opts.idleKicks ?? IDLE_KICKS)) {
    const cuts = [1 + Math.floor(random() * n), 1 + Math.floor(random() * n), 1 + Math.floor(random() * n)].sort((a, b) => a - b);
    if (cuts[0] === cuts[1] || cuts[1] === cuts[2]) continue;
    const [p1, p2, p3] = cuts;
    const cand = [...best.slice(0, p1), ...best.slice(p2, p3), ...best.slice(p1, p2), ...best.slice(p3)];
    localSearch(cand);
    const l = len(cand);
    idle++;
    if (l + EPS < bestLen) [best, bestLen, idle] = [cand, l, 0];
  }
  return best.slice(1).map((x) => x - 1);
}

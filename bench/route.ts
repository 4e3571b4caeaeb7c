/**
 * bench/route: how long planRoute really takes (the clock stops when it returns, not at its
 * 150 ms budget) and how long its routes are — against the exact optimum (Held–Karp) where that
 * is computable (≤ 14 stops) and against nearest neighbour alone beyond. Up to 12 stops it
 * solves exactly; beyond, iterated local search stops after IDLE_KICKS kicks without a gain.
 * Usage: npx tsx bench/route.ts [instances=10]
 */
import { seededRandom } from '../db/seed/random';
import { EXACT_MAX_STOPS, IDLE_KICKS, exactRoute, nearestNeighbour, pathLength, planRoute, type TPoint } from '../shared/domain/route';

const instances = Number(process.argv[2] ?? 10);
const depot: TPoint = { lat: 29.5612, lng: 106.4621 };
const rand = seededRandom(99);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

console.log(`planRoute: exact up to ${EXACT_MAX_STOPS} stops, else local search until ${IDLE_KICKS} idle kicks or 150 ms`);
console.log('stops  solve ms p50 / p90 / max   vs optimum (mean / worst)   not optimal   vs nearest neighbour');
for (const n of [5, 8, 10, 12, 13, 14, 20, 40, 66, 200, 500]) {
  const times: number[] = [];
  const gaps: number[] = [];
  let nnKm = 0;
  let planKm = 0;
  for (let r = 0; r < instances; r++) {
    const bins = Array.from({ length: n }, () => ({ lat: depot.lat + (rand() - 0.5) * 0.03, lng: depot.lng + (rand() - 0.5) * 0.03 }));
    const t = performance.now();
    const order = planRoute(depot, bins);
    times.push(performance.now() - t);
    const len = pathLength(depot, bins, order);
    planKm += len / 1000;
    nnKm += pathLength(depot, bins, nearestNeighbour(depot, bins)) / 1000;
    if (n <= 14) gaps.push(len / pathLength(depot, bins, exactRoute(depot, bins)) - 1);
  }
  const exact = gaps.length
    ? `${((gaps.reduce((s, g) => s + g, 0) / gaps.length) * 100).toFixed(2)}% / ${(Math.max(...gaps) * 100).toFixed(2)}%`.padEnd(16) +
      `${String(gaps.filter((g) => g > 1e-9).length).padStart(6)} of ${instances}`
    : '—'.padEnd(16) + '     —     ';
  console.log(
    `${String(n).padStart(5)}  ${`${pct(times, 0.5).toFixed(1)} / ${pct(times, 0.9).toFixed(1)} / ${Math.max(...times).toFixed(1)}`.padEnd(24)}  ${exact.padEnd(30)}  ${((1 - planKm / nnKm) * 100).toFixed(1)}% shorter`,
  );
}

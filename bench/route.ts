/**
 * bench/route: solve time and tour length of planRoute (the production budget, 150 ms) beside
 * nearest neighbour alone, for 66, 200 and 500 random bins around a depot. Target: 500 bins in
 * ≤200 ms. Usage: npx tsx bench/route.ts [instances=5]
 */
import { seededRandom } from '../db/seed/random';
import { nearestNeighbour, pathLength, planRoute, type TPoint } from '../shared/domain/route';

const instances = Number(process.argv[2] ?? 5);
const depot: TPoint = { lat: 29.5612, lng: 106.4621 };
const rand = seededRandom(99);
console.log('bins   NN km    planned km   shorter   solve ms (p50 / max)');
for (const n of [66, 200, 500]) {
  const times: number[] = [];
  let nnKm = 0;
  let planKm = 0;
  for (let r = 0; r < instances; r++) {
    const bins = Array.from({ length: n }, () => ({ lat: depot.lat + (rand() - 0.5) * 0.03, lng: depot.lng + (rand() - 0.5) * 0.03 }));
    const t = performance.now();
    const order = planRoute(depot, bins);
    times.push(performance.now() - t);
    planKm += pathLength(depot, bins, order) / 1000;
    nnKm += pathLength(depot, bins, nearestNeighbour(depot, bins)) / 1000;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${String(n).padStart(4)}  ${(nnKm / instances).toFixed(2).padStart(7)}  ${(planKm / instances).toFixed(2).padStart(10)}   ${((1 - planKm / nnKm) * 100).toFixed(1).padStart(5)}%   ${times[Math.floor(instances / 2)].toFixed(0)} / ${times.at(-1)!.toFixed(0)}`,
  );
}

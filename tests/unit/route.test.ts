import { seededRandom } from '../../db/seed/random';
import { distanceM, nearestNeighbour, pathLength, planRoute, type TPoint } from '../../shared/domain/route';

const depot: TPoint = { lat: 29.5612, lng: 106.4621 };

function randomBins(rand: () => number, n: number, spread = 0.02): TPoint[] {
  return Array.from({ length: n }, () => ({ lat: depot.lat + (rand() - 0.5) * spread, lng: depot.lng + (rand() - 0.5) * spread }));
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('route planning (清运路线)', () => {
  it('measures distances on the sphere', () => {
    expect(distanceM({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(111_195, -2);
    expect(distanceM(depot, depot)).toBe(0);
  });

  it('visits every bin exactly once', () => {
    const bins = randomBins(seededRandom(1), 66);
    const order = planRoute(depot, bins, 60_000, { maxKicks: 20 });
    expect([...order].sort((a, b) => a - b)).toEqual(bins.map((_, i) => i));
  });

  it('is within 3% of the optimum on average for instances small enough to brute-force', () => {
    const rand = seededRandom(2);
    let ratio = 0;
    const runs = 24;
    for (let r = 0; r < runs; r++) {
      const bins = randomBins(rand, 4 + (r % 5)); // 4..8 bins
      let best = Infinity;
      for (const p of permutations(bins.map((_, i) => i))) best = Math.min(best, pathLength(depot, bins, p));
      ratio += pathLength(depot, bins, planRoute(depot, bins, 60_000, { maxKicks: 50 })) / best;
    }
    expect(ratio / runs).toBeLessThan(1.03);
  });

  it('is at least 15% shorter than nearest neighbour alone on random 200-bin instances', () => {
    const rand = seededRandom(3);
    let gain = 0;
    for (let r = 0; r < 5; r++) {
      const bins = randomBins(rand, 200);
      const nn = pathLength(depot, bins, nearestNeighbour(depot, bins));
      const planned = pathLength(depot, bins, planRoute(depot, bins, 60_000, { maxKicks: 150 }));
      gain += 1 - planned / nn;
    }
    expect(gain / 5).toBeGreaterThanOrEqual(0.15);
  });

  it('handles no bins and one bin', () => {
    expect(planRoute(depot, [])).toEqual([]);
    expect(planRoute(depot, [{ lat: 29.57, lng: 106.47 }])).toEqual([0]);
  });
});

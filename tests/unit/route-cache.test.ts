import { planRoute } from '../../shared/domain/route';
import { cachedRouteOrder } from '../../functions/services/bins/route-cache';

// the real planner, counted
jest.mock('../../shared/domain/route', () => {
  const actual = jest.requireActual<typeof import('../../shared/domain/route')>('../../shared/domain/route');
  return { ...actual, planRoute: jest.fn(actual.planRoute) };
});
const plan = planRoute as jest.MockedFunction<typeof planRoute>;

const stops = Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, lat: 29.55 + ((i * 7) % 13) * 0.001, lng: 106.45 + ((i * 5) % 11) * 0.001 }));
const start = { lat: 29.5612, lng: 106.4621 };

describe('the route cache (清运路线 per set of stops)', () => {
  beforeEach(() => plan.mockClear());

  it('plans a set of stops once and answers the same order again, also from a start a few metres away', () => {
    const first = cachedRouteOrder(start, stops).map((s) => s.id);
    expect(plan).toHaveBeenCalledTimes(1);
    expect(cachedRouteOrder(start, stops).map((s) => s.id)).toEqual(first);
    expect(cachedRouteOrder({ lat: start.lat + 0.0001, lng: start.lng }, stops).map((s) => s.id)).toEqual(first);
    expect(plan).toHaveBeenCalledTimes(1);
    expect([...first].sort()).toEqual(stops.map((s) => s.id).sort());
  });

  it('plans again when a stop is added, cleaned or moved, or the start is elsewhere', () => {
    cachedRouteOrder(start, stops.slice(0, 15));
    cachedRouteOrder(start, stops.slice(0, 14));
    cachedRouteOrder(start, [...stops.slice(0, 13), { ...stops[13], lat: stops[13].lat + 0.01 }]);
    cachedRouteOrder({ lat: start.lat + 0.01, lng: start.lng }, stops.slice(0, 15));
    expect(plan).toHaveBeenCalledTimes(4);
  });
});

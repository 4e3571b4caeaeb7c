import { amapNavigationUrl, convert, fromGcj02, MAP_TILES_META, tileSource, toGcj02 } from '../../miniapp/src/platform/geo';

/** Metres between two nearby points (equirectangular: exact enough below a few km). */
function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const k = Math.PI / 180;
  const x = (b.lng - a.lng) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  const y = (b.lat - a.lat) * k;
  return Math.hypot(x, y) * 6_371_000;
}

describe('the WGS-84 ↔ GCJ-02 conversion at the map edges', () => {
  it('moves a Beijing point by its published GCJ-02 offset (coordtransform’s reference pair)', () => {
    // wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
    const g = toGcj02({ lat: 39.915, lng: 116.404 });
    expect(g.lng).toBeCloseTo(116.41024449916938, 9);
    expect(g.lat).toBeCloseTo(39.91640428150164, 9);
    // the offset is the familiar few hundred metres, east and north here
    expect(metres({ lat: 39.915, lng: 116.404 }, g)).toBeGreaterThan(400);
    expect(metres({ lat: 39.915, lng: 116.404 }, g)).toBeLessThan(700);
  });

  it('brings a GCJ-02 point back within a metre (round trips across China)', () => {
    const points = [
      { lat: 39.915, lng: 116.404 }, // Beijing
      { lat: 29.5612, lng: 106.4621 }, // 石坝村, the demo village near Chongqing
      { lat: 23.1291, lng: 113.2644 }, // Guangzhou
      { lat: 43.8256, lng: 87.6168 }, // Urumqi
      { lat: 45.8038, lng: 126.535 }, // Harbin
    ];
    for (const p of points) {
      const back = fromGcj02(toGcj02(p));
      expect(metres(p, back)).toBeLessThan(1);
      expect(metres(p, toGcj02(p))).toBeGreaterThan(100); // and the conversion did move it
    }
  });

  it('leaves points outside China as they are', () => {
    for (const p of [
      { lat: 51.5072, lng: -0.1276 }, // London
      { lat: -33.8688, lng: 151.2093 }, // Sydney
      { lat: 40.7128, lng: -74.006 }, // New York
    ]) {
      expect(toGcj02(p)).toEqual(p);
      expect(fromGcj02(p)).toEqual(p);
    }
  });

  it('returns the same point when both datums agree', () => {
    expect(convert({ lat: 29.5612, lng: 106.4621 }, 'gcj02', 'gcj02')).toEqual({ lat: 29.5612, lng: 106.4621 });
  });

  it('links 导航 on H5 to 高德 with the GCJ-02 point and the bin’s name', () => {
    const url = new URL(amapNavigationUrl({ lat: 39.915, lng: 116.404, name: '67号桶, 桂花院' }));
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    expect(url.searchParams.get('to')).toBe('116.410244,39.916404,67号桶  桂花院');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
  });
});

describe('the H5 tile source from index.html', () => {
  const setMeta = (content: string | null) => {
    document.querySelectorAll(`meta[name="${MAP_TILES_META}"]`).forEach((m) => m.remove());
    if (content === null) return;
    const m = document.createElement('meta');
    m.name = MAP_TILES_META;
    m.content = content;
    document.head.appendChild(m);
  };
  afterEach(() => setMeta(null));

  it('reads the template, its datum and attribution', () => {
    setMeta(JSON.stringify({ url: 'https://tiles.example/{z}/{x}/{y}.png', datum: 'gcj02', attribution: '© 高德地图' }));
    expect(tileSource()).toEqual({ url: 'https://tiles.example/{z}/{x}/{y}.png', datum: 'gcj02', attribution: '© 高德地图' });
  });

  it('has none without the tag, with a broken one or a non-http template (the drawing is shown)', () => {
    expect(tileSource()).toBeNull();
    setMeta('{not json');
    expect(tileSource()).toBeNull();
    setMeta(JSON.stringify({ url: 'javascript:alert(1)' }));
    expect(tileSource()).toBeNull();
  });
});

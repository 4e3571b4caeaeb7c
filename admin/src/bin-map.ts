/**
 * The bins' tile map (Leaflet), like the H5's (miniapp/src/platform/tile-map.ts, decision 019):
 * the tile source is the page's <meta name="xyj-map-tiles"> (the host writes it and opens the
 * page's img-src to its origin); bins are stored WGS-84 and drawn in the tiles' datum.
 */
import gcoord from 'gcoord';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MAP_TILES_META, type TMapTiles } from '../../shared/domain/map-tiles';

export type TMapPoint = { id: string; lat: number; lng: number; title: string; state: string; color: string };

/** The host's tile source, or null (off, or a page without the tag). */
export function tileSource(): TMapTiles | null {
  const content = document.querySelector(`meta[name="${MAP_TILES_META}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    const t = JSON.parse(content) as Partial<TMapTiles>;
    if (typeof t.url !== 'string' || !/^https?:\/\//.test(t.url)) return null;
    return { url: t.url, datum: t.datum === 'gcj02' ? 'gcj02' : 'wgs84', attribution: typeof t.attribution === 'string' ? t.attribution : '' };
  } catch {
    return null;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type TBinMap = { setPoints(points: TMapPoint[]): void; destroy(): void };

/**
 * Mounts the map in `el` (already laid out). Resolves once the first tile has loaded; rejects
 * and removes the map when the first tile fails or none loads within `timeoutMs`.
 */
export function mountBinMap(el: HTMLElement, tiles: TMapTiles, points: TMapPoint[], timeoutMs = 8000): Promise<TBinMap> {
  const show = (p: { lat: number; lng: number }): L.LatLngTuple => {
    if (tiles.datum === 'wgs84') return [p.lat, p.lng];
    const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    return [lat, lng];
  };
  const map = L.map(el, { maxZoom: 18, minZoom: 3 });
  map.attributionControl.setPrefix(false);
  const layer = L.tileLayer(tiles.url, { maxZoom: 18, attribution: escapeHtml(tiles.attribution) });
  let group = L.layerGroup().addTo(map);
  const draw = (list: TMapPoint[]) => {
    group.remove();
    group = L.layerGroup(
      list.map((p) =>
        L.marker(show(p), {
          title: p.title,
          alt: p.title,
          keyboard: false,
          icon: L.divIcon({
            className: 'xyj-bin-marker',
            html: `<span data-testid="bin-marker" data-bin="${escapeHtml(p.id)}" data-state="${p.state}" style="background:${p.color}"></span>`,
            iconSize: [16, 16],
          }),
        }),
      ),
    ).addTo(map);
  };
  draw(points);
  if (points.length > 1) map.fitBounds(L.latLngBounds(points.map(show)), { padding: [32, 32], maxZoom: 17 });
  else if (points.length === 1) map.setView(show(points[0]), 17);
  else map.setView([35, 105], 4);
  const handle: TBinMap = { setPoints: draw, destroy: () => map.remove() };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handle.destroy();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail('no tile loaded in time'), timeoutMs);
    layer.once('tileload', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(handle);
    });
    layer.once('tileerror', () => fail('the first tile failed'));
    layer.addTo(map);
  });
}

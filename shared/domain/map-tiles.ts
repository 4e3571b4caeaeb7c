/**
 * 地图底图: the H5 tile map's source, one setting for the build (TARO_APP_MAP_TILES*) and the
 * single-server host (MAP_TILES*, which may replace the build's), written into index.html's
 * `<meta name="xyj-map-tiles">` as JSON. The page reads it; the host opens the page's
 * Content-Security-Policy (img-src) to its origin. Decision 019.
 */
export const MAP_TILE_DATUMS = ['wgs84', 'gcj02'] as const;
export type TMapTileDatum = (typeof MAP_TILE_DATUMS)[number];

export type TMapTiles = {
  /** URL template with {z} {x} {y} (no {s}: name one host) */
  url: string;
  /** the datum the tiles are drawn in: 高德 and 腾讯 GCJ-02; OpenStreetMap and 天地图 WGS-84 */
  datum: TMapTileDatum;
  /** shown in the map's corner, as tile providers require */
  attribution: string;
};

/**
 * The default: 高德's street tiles (GCJ-02), reachable across China without a key. A
 * deployment with its own licence (高德 or 天地图 with a key, a tile server of its own) sets
 * TARO_APP_MAP_TILES / MAP_TILES; `off` shows only the drawing.
 */
export const DEFAULT_MAP_TILES: TMapTiles = {
  url: 'https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
  datum: 'gcj02',
  attribution: '© 高德地图',
};

/**
 * The tile source a setting names: `undefined`/'' → the default, 'off' → none, else an
 * http(s) template holding {z}, {x} and {y}. Throws on anything else (a build or a host
 * started with a broken setting should say so, not show a blank map).
 */
export function mapTilesFrom(setting: { url?: string; datum?: string; attribution?: string }): TMapTiles | null {
  const url = setting.url?.trim();
  if (!url) return DEFAULT_MAP_TILES;
  if (url === 'off') return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/[{}]/g, ''));
  } catch {
    throw new Error(`MAP_TILES must be an http(s) URL template with {z}, {x} and {y}, or off; got ${JSON.stringify(url)}`);
  }
  if (!/^https?:$/.test(parsed.protocol) || !['{z}', '{x}', '{y}'].every((k) => url.includes(k)))
    throw new Error(`MAP_TILES must be an http(s) URL template with {z}, {x} and {y}, or off; got ${JSON.stringify(url)}`);
  const datum = setting.datum?.trim() || 'wgs84';
  if (!(MAP_TILE_DATUMS as readonly string[]).includes(datum)) throw new Error(`MAP_TILES_DATUM must be wgs84 or gcj02; got ${JSON.stringify(datum)}`);
  return { url, datum: datum as TMapTileDatum, attribution: setting.attribution?.trim() ?? '' };
}

/** The origin the tiles come from, for the page's img-src (`https://webrd01.is.autonavi.com`). */
export function mapTilesOrigin(tiles: TMapTiles): string {
  return new URL(tiles.url.replace(/[{}]/g, '')).origin;
}

/** The meta tag's name; its content is the JSON of TMapTiles, or empty for none. */
export const MAP_TILES_META = 'xyj-map-tiles';

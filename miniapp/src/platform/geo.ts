/**
 * Coordinates at the edges (decision 019). Everything we store and send is WGS-84 (GPS): bins,
 * depots, the cleaner's position. China's map services draw and navigate in GCJ-02 (WeChat's
 * <map> and wx.openLocation / chooseLocation, 高德 and 腾讯 tiles), so points are converted
 * here, on their way to such a service and on their way back, and nowhere else. gcoord does
 * the arithmetic (the published GCJ-02 formula; points outside China pass unchanged).
 *
 * Imported by the pages that show maps (pkg-clean, pkg-admin) directly, not re-exported from
 * platform/index.ts, so the main package does not carry it.
 */
import gcoord from 'gcoord'
import Taro from '@tarojs/taro'
import { PlatformCancelled } from './types'

export type TLatLng = { lat: number; lng: number }

/** The datums we meet: WGS-84 (GPS, 天地图, OpenStreetMap) and GCJ-02 (WeChat, 高德, 腾讯). */
export type TDatum = 'wgs84' | 'gcj02'

const CODE = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 } as const

/** A point from `from` into `to` (the same point when the datums agree). */
export function convert(p: TLatLng, from: TDatum, to: TDatum): TLatLng {
  if (from === to) return { lat: p.lat, lng: p.lng }
  const [lng, lat] = gcoord.transform([p.lng, p.lat], CODE[from], CODE[to]) as [number, number]
  return { lat, lng }
}

/** A stored (WGS-84) point for WeChat's map and 高德. */
export const toGcj02 = (p: TLatLng): TLatLng => convert(p, 'wgs84', 'gcj02')

/** A point WeChat or 高德 gave (GCJ-02) as we store it. */
export const fromGcj02 = (p: TLatLng): TLatLng => convert(p, 'gcj02', 'wgs84')

/** Six decimals: about 0.1 m, what the bin form shows and stores. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

export type TPlace = TLatLng & { name: string; address?: string }

declare global {
  interface Window {
    /** Browser tests: receives the 导航 link instead of the page leaving for it. */
    __XYJ_OPEN_MAP_LINK__?: (url: string) => void
  }
}

/**
 * 导航 on H5: 高德's public URI API with GCJ-02 coordinates. On a phone it opens the 高德 app
 * when installed (callnative=1), otherwise 高德's mobile web map, both routing from where the
 * person stands; on a desktop the web map. No key is needed.
 */
export function amapNavigationUrl(to: TPlace): string {
  const g = toGcj02(to)
  const name = to.name.replace(/[,|]/g, ' ')
  return `https://uri.amap.com/navigation?to=${round6(g.lng)},${round6(g.lat)},${encodeURIComponent(name)}&mode=car&coordinate=gaode&callnative=1&src=xiaoyuanjia`
}

/**
 * 导航 to a stored (WGS-84) point: wx.openLocation with the GCJ-02 point, name and address in
 * the mini-program (its page offers 高德, 腾讯 and 百度 for the route); a 高德 link in a browser.
 */
export async function openNavigation(to: TPlace): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const g = toGcj02(to)
    await Taro.openLocation({ latitude: g.lat, longitude: g.lng, name: to.name, address: to.address ?? '', scale: 18 })
    return
  }
  const url = amapNavigationUrl(to)
  if (typeof window.__XYJ_OPEN_MAP_LINK__ === 'function') return window.__XYJ_OPEN_MAP_LINK__(url)
  window.open(url, '_blank', 'noopener')
}

/** Can `pickPoint()` open the host's own point chooser (WeChat's map)? */
export const canPickWithHost = process.env.TARO_ENV === 'weapp'

/**
 * wx.chooseLocation: WeChat's full-screen map with search, starting at `near`; the chosen
 * point comes back in GCJ-02 and is returned in WGS-84. Rejects with PlatformCancelled when
 * the person closes it.
 */
export async function pickPoint(near?: TLatLng | null): Promise<TLatLng & { name?: string }> {
  const start = near ? toGcj02(near) : null
  try {
    const r = await Taro.chooseLocation(start ? { latitude: start.lat, longitude: start.lng } : {})
    const w = fromGcj02({ lat: r.latitude, lng: r.longitude })
    return { lat: round6(w.lat), lng: round6(w.lng), name: r.name || undefined }
  } catch (err) {
    if (/cancel/i.test((err as { errMsg?: string } | undefined)?.errMsg ?? '')) throw new PlatformCancelled()
    throw err
  }
}

export type TTileSource = {
  /** URL template with {z} {x} {y} */
  url: string
  /** the datum the tiles are drawn in: 高德 and 腾讯 are GCJ-02, OpenStreetMap and 天地图 WGS-84 */
  datum: TDatum
  attribution: string
}

/** The meta tag the H5 build writes (miniapp/config/map-tiles.ts) and the host may rewrite. */
export const MAP_TILES_META = 'xyj-map-tiles'

/**
 * The H5 tile source, or null for none (the drawing only): read from index.html's meta tag,
 * which the build fills from TARO_APP_MAP_TILES and a single-server host may replace from its
 * MAP_TILES, so one setting also opens the page's Content-Security-Policy to those tiles.
 */
export function tileSource(): TTileSource | null {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return null
  const content = document.querySelector(`meta[name="${MAP_TILES_META}"]`)?.getAttribute('content')
  if (!content) return null
  try {
    const t = JSON.parse(content) as Partial<TTileSource>
    if (typeof t.url !== 'string' || !/^https?:\/\//.test(t.url)) return null
    return { url: t.url, datum: t.datum === 'gcj02' ? 'gcj02' : 'wgs84', attribution: typeof t.attribution === 'string' ? t.attribution : '' }
  } catch {
    return null
  }
}

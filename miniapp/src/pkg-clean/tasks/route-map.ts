import { xmlText } from '../../lib/svg-image'

export type TMapPoint = { lat: number; lng: number }

/** 350 米 / 1.2 公里 */
export function distanceText(m: number): string {
  return m < 1000 ? `${Math.round(m)} 米` : `${(m / 1000).toFixed(1)} 公里`
}

const SIZE = 320
const PAD = 26
const M_PER_DEG = 111_320

/** A round length for the scale bar: about a quarter of the map's width. */
function niceMeters(max: number): number {
  const steps = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]
  return [...steps].reverse().find((s) => s <= max) ?? steps[0]
}

/**
 * 路线图 drawn from coordinates only (no tile server is reachable from the village): the
 * start, the stops numbered in route order and the line between them, north up, with a
 * scale bar. Local equirectangular projection — at village scale (a few km) it is exact
 * enough to see where to drive.
 */
export function routeMapSvg(start: TMapPoint & { label: string }, stops: (TMapPoint & { order: number })[]): string {
  const pts: TMapPoint[] = [start, ...stops]
  const lat0 = (pts.reduce((s, p) => s + p.lat, 0) / pts.length) * (Math.PI / 180)
  const xy = (p: TMapPoint) => ({ x: p.lng * Math.cos(lat0), y: -p.lat })
  const all = pts.map(xy)
  const minX = Math.min(...all.map((p) => p.x))
  const maxX = Math.max(...all.map((p) => p.x))
  const minY = Math.min(...all.map((p) => p.y))
  const maxY = Math.max(...all.map((p) => p.y))
  const span = Math.max(maxX - minX, maxY - minY, 0.0009) // at least ~100 m across
  const scale = (SIZE - 2 * PAD) / span // px per degree
  const offX = PAD + (SIZE - 2 * PAD - (maxX - minX) * scale) / 2
  const offY = PAD + (SIZE - 2 * PAD - (maxY - minY) * scale) / 2
  const px = (p: TMapPoint) => {
    const q = xy(p)
    return { x: +(offX + (q.x - minX) * scale).toFixed(1), y: +(offY + (q.y - minY) * scale).toFixed(1) }
  }

  const s = px(start)
  const line = [s, ...stops.map(px)].map((p) => `${p.x},${p.y}`).join(' ')
  const barM = niceMeters(((SIZE - 2 * PAD) / scale) * M_PER_DEG * 0.3)
  const barPx = +((barM / M_PER_DEG) * scale).toFixed(1)
  const barLabel = barM >= 1000 ? `${barM / 1000} km` : `${barM} m`

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `<rect width="${SIZE}" height="${SIZE}" rx="12" fill="#eef5f0"/>`,
    // a light grid so distances read at a glance
    ...[1, 2, 3].map((i) => `<path d="M${(SIZE * i) / 4} 0V${SIZE}M0 ${(SIZE * i) / 4}H${SIZE}" stroke="#dbe7df" stroke-width="1"/>`),
    `<text x="${SIZE - 14}" y="22" font-size="13" font-family="sans-serif" fill="#5b6270" text-anchor="middle">N</text>`,
    `<path d="M${SIZE - 14} 26l-5 10h10z" fill="#5b6270"/>`,
    stops.length ? `<polyline points="${line}" fill="none" stroke="#1f8a4c" stroke-width="3.5" stroke-linejoin="round" stroke-linecap="round"/>` : '',
    `<rect x="${s.x - 9}" y="${s.y - 9}" width="18" height="18" rx="4" fill="#1f2937"/>`,
    `<text x="${s.x}" y="${s.y + 4.5}" font-size="12" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">${xmlText(start.label)}</text>`,
    // later stops first, so stop 1 is drawn on top where circles overlap
    ...[...stops].reverse().map((stop) => {
      const p = px(stop)
      return (
        `<circle cx="${p.x}" cy="${p.y}" r="11" fill="${stop.order === 1 ? '#e5484d' : '#f59e0b'}" stroke="#fff" stroke-width="2"/>` +
        `<text x="${p.x}" y="${p.y + 4.5}" font-size="13" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">${stop.order}</text>`
      )
    }),
    `<path d="M12 ${SIZE - 14}h${barPx}M12 ${SIZE - 18}v8M${12 + barPx} ${SIZE - 18}v8" stroke="#374151" stroke-width="2"/>`,
    `<text x="${12 + barPx + 6}" y="${SIZE - 10}" font-size="12" font-family="sans-serif" fill="#374151">${barLabel}</text>`,
    '</svg>',
  ]
  return parts.join('')
}

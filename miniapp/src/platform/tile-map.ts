/**
 * The H5 tile map (Leaflet), loaded on demand by components/geo-map.tsx only in the browser
 * build, so neither the main package nor the mini-program carries it. Points arrive and leave
 * in WGS-84; they are drawn in the tiles' datum (a 高德 tile is GCJ-02: a WGS-84 point drawn
 * on it unconverted lands a few hundred metres off).
 */
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { convert, round6, type TLatLng, type TTileSource } from './geo'

export type TMapMarker = TLatLng & {
  /** a short text on the marker: the stop's number, 起 for the start */
  text: string
  tone: 'first' | 'next' | 'start' | 'pick' | 'other'
  /** the whole name, for the marker's tooltip and screen readers */
  title: string
}

export type TTileMapOptions = {
  tiles: TTileSource
  markers: TMapMarker[]
  /** a line through these points in order (the route) */
  line?: TLatLng[]
  /** a tap on the map: the WGS-84 point under it */
  onPick?: (p: TLatLng) => void
  /** with no marker: where to look */
  center?: TLatLng | null
  /** give up when no tile has loaded by then */
  timeoutMs?: number
}

export type TTileMap = {
  setMarkers(markers: TMapMarker[]): void
  destroy(): void
}

/**
 * Mounts a map in `el`. Resolves once the first tile has loaded; rejects (and removes the map)
 * when the first tiles fail or none has loaded within `timeoutMs`: the caller then shows the
 * drawing. Later tile errors (one missing tile while panning) are left to Leaflet.
 */
export async function mountTileMap(el: HTMLElement, opts: TTileMapOptions): Promise<TTileMap> {
  // Leaflet reads the box's size once, when the map is made: made while the page is still
  // hidden (0×0) it fits the route into nothing and loads only the tiles around the centre
  await laidOut(el, opts.timeoutMs ?? 8000)
  const show = (p: TLatLng): L.LatLngTuple => {
    const q = convert(p, 'wgs84', opts.tiles.datum)
    return [q.lat, q.lng]
  }
  const map = L.map(el, { zoomControl: true, attributionControl: true, maxZoom: 18, minZoom: 3 })
  map.attributionControl.setPrefix(false)
  const layer = L.tileLayer(opts.tiles.url, { maxZoom: 18, attribution: escapeHtml(opts.tiles.attribution), crossOrigin: false }) // Leaflet shows it as HTML; the setting is text

  let markers = L.layerGroup().addTo(map)
  const drawMarkers = (list: TMapMarker[]) => {
    markers.remove()
    markers = L.layerGroup(
      // later stops first, so stop 1 is on top where markers overlap
      [...list].reverse().map((m) =>
        L.marker(show(m), {
          title: m.title,
          alt: m.title,
          keyboard: false,
          // on a map that picks, a tap on a marker picks that spot too
          interactive: !opts.onPick,
          icon: L.divIcon({
            className: `geo-marker geo-marker--${m.tone}`,
            html: `<span data-testid="geo-marker" data-tone="${m.tone}">${escapeHtml(m.text)}</span>`,
            iconSize: m.tone === 'other' ? [14, 14] : [30, 30],
          }),
        }),
      ),
    ).addTo(map)
  }
  drawMarkers(opts.markers)
  if (opts.line && opts.line.length > 1) L.polyline(opts.line.map(show), { color: '#1f8a4c', weight: 4, opacity: 0.85 }).addTo(map)

  const all = [...opts.markers.filter((m) => m.tone !== 'other'), ...(opts.line ?? [])]
  if (all.length > 1) map.fitBounds(L.latLngBounds(all.map(show)), { padding: [28, 28], maxZoom: 17 })
  else if (all.length === 1) map.setView(show(all[0]), 17)
  else if (opts.center) map.setView(show(opts.center), 16)
  else map.setView([35, 105], 4)

  if (opts.onPick) {
    const pick = opts.onPick
    map.on('click', (e: L.LeafletMouseEvent) => {
      const w = convert({ lat: e.latlng.lat, lng: e.latlng.lng }, opts.tiles.datum, 'wgs84')
      pick({ lat: round6(w.lat), lng: round6(w.lng) })
    })
  }

  // a box that changes size later (the page's layout settling) gets the tiles it now shows
  const resized = new ResizeObserver(() => map.invalidateSize({ pan: false }))
  resized.observe(el)
  const handle: TTileMap = {
    setMarkers: drawMarkers,
    destroy: () => {
      resized.disconnect()
      map.remove()
    },
  }
  return new Promise<TTileMap>((resolve, reject) => {
    let settled = false
    const fail = (why: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      handle.destroy()
      reject(new Error(why))
    }
    const timer = setTimeout(() => fail('no tile loaded in time'), opts.timeoutMs ?? 8000)
    layer.once('tileload', () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(handle)
    })
    layer.once('tileerror', () => fail('the first tile failed'))
    layer.addTo(map)
  })
}

/** Resolves once `el` has a width and a height; rejects after `ms`. */
function laidOut(el: HTMLElement, ms: number): Promise<void> {
  const sized = () => el.clientWidth > 0 && el.clientHeight > 0
  if (sized()) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      seen.disconnect()
      reject(new Error('the map box was never laid out'))
    }, ms)
    const seen = new ResizeObserver(() => {
      if (!sized()) return
      clearTimeout(timer)
      seen.disconnect()
      resolve()
    })
    seen.observe(el)
  })
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

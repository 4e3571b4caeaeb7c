import { Map as WxMap, View } from '@tarojs/components'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { toGcj02, tileSource, type TLatLng } from '../platform/geo'
import type { TMapMarker, TTileMap } from '../platform/tile-map'
import './geo-map.scss'

export type { TMapMarker } from '../platform/tile-map'

/** On the mini-program's <map>, each tone's icon: a file of the package (WeChat takes no data: URI). */
export type TMarkerIcons = Partial<Record<TMapMarker['tone'], string>>

type TProps = {
  markers: TMapMarker[]
  /** draw the route through these (WGS-84) points */
  line?: TLatLng[]
  /** a tap on the map picks this (WGS-84) point (H5; the mini-program uses WeChat's chooser) */
  onPick?: (p: TLatLng) => void
  center?: TLatLng | null
  /** what to show where there are no tiles (no source, unreachable, still loading) */
  fallback: ReactNode
  icons?: TMarkerIcons
  testId: string
  /** data-* the page wants on the map's box (tests read them) */
  data?: Record<string, string>
}

/** <map> label colours: styles/tokens.scss's $color-danger, -warning, -text-soft, -brand, -text-muted (<map> takes colours as data, not CSS) */
const TONE_COLOR: Record<TMapMarker['tone'], string> = {
  first: '#c62a22',
  next: '#b45309',
  start: '#1f2937',
  pick: '#1a7a43',
  other: '#5b6270',
}

/** The Leaflet module, only in the browser build (the mini-program has WeChat's own map). */
const loadTileMap = process.env.TARO_ENV === 'weapp' ? null : () => import('../platform/tile-map')

let nextId = 0

/**
 * A map of stored (WGS-84) points. In the mini-program WeChat's <map> (GCJ-02: converted here)
 * with the markers and the route line. In a browser a tile map when index.html names a tile
 * source and its tiles load; until then, and for good when they do not, `fallback`.
 * `data-mode` on the box says which is shown: native, tiles, loading or drawing.
 */
export function GeoMap({ markers, line, onPick, center, fallback, icons, testId, data = {} }: TProps) {
  const [id] = useState(() => `geo-map-${++nextId}`)
  const [mode, setMode] = useState<'loading' | 'tiles' | 'drawing'>('loading')
  const map = useRef<TTileMap | null>(null)
  const pick = useRef(onPick)
  pick.current = onPick
  const dataAttrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]))

  // the browser: mount once per set of points; markers alone (a new pick) only move
  const lineKey = JSON.stringify(line ?? [])
  useEffect(() => {
    if (!loadTileMap) return
    const tiles = tileSource()
    if (!tiles) return setMode('drawing')
    let live = true
    setMode('loading')
    loadTileMap()
      .then(async ({ mountTileMap }) => {
        const el = document.getElementById(id)
        if (!el || !live) return
        const m = await mountTileMap(el, {
          tiles,
          markers,
          line,
          center,
          onPick: onPick ? (p) => pick.current?.(p) : undefined,
        })
        if (!live) return m.destroy()
        map.current = m
        setMode('tiles')
      })
      .catch(() => live && setMode('drawing'))
    return () => {
      live = false
      map.current?.destroy()
      map.current = null
    }
    // remounted only when the route changes (markers alone move below)
  }, [lineKey, Boolean(onPick)])

  const markerKey = JSON.stringify(markers)
  useEffect(() => {
    map.current?.setMarkers(markers)
    // by value: a page builds a new array each render
  }, [markerKey])

  if (process.env.TARO_ENV === 'weapp' && mode !== 'drawing') {
    const g = (p: TLatLng) => {
      const q = toGcj02(p)
      return { latitude: q.lat, longitude: q.lng }
    }
    const mid = markers[0] ?? center ?? { lat: 35, lng: 105 }
    return (
      <View className="geo-map" data-testid={testId} data-mode="native" {...dataAttrs}>
        <WxMap
          className="geo-map__native"
          {...g(mid)}
          scale={16}
          includePoints={markers.filter((m) => m.tone !== 'other').map(g)}
          markers={markers.map((m, i) => ({
            id: i,
            ...g(m),
            iconPath: icons?.[m.tone] ?? icons?.next ?? '',
            width: 24,
            height: 24,
            anchor: { x: 0.5, y: 0.5 },
            title: m.title,
            ariaLabel: m.title,
            label: {
              content: m.text,
              color: '#ffffff',
              fontSize: 13,
              anchorX: 0,
              anchorY: -34,
              borderWidth: 0,
              borderColor: TONE_COLOR[m.tone],
              borderRadius: 10,
              bgColor: TONE_COLOR[m.tone],
              padding: 3,
              textAlign: 'center',
            },
          }))}
          polyline={line && line.length > 1 ? [{ points: line.map(g), color: '#1f8a4cd9', width: 4 }] : []}
          onError={() => setMode('drawing')}
        />
      </View>
    )
  }

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="geo-map" data-testid={testId} data-mode="drawing" {...dataAttrs}>
        {fallback}
      </View>
    )
  }

  return (
    <View className="geo-map" data-testid={testId} data-mode={mode} {...dataAttrs}>
      {mode === 'drawing' ? null : (
        <View className={`geo-map__frame ${mode === 'tiles' ? '' : 'geo-map__frame--hidden'}`}>
          {/* Leaflet's own element: its classes are Leaflet's, so React never rewrites them */}
          <View id={id} className="geo-map__tiles" />
        </View>
      )}
      {mode === 'tiles' ? null : <View className="geo-map__fallback">{fallback}</View>}
    </View>
  )
}

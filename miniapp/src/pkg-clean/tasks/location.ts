import Taro from '@tarojs/taro'

let last: { at: number; pos: { lat: number; lng: number } | null } | null = null

/**
 * Where the cleaner is, to start the route there; null when the phone will not say (no
 * permission, no GPS, a browser without geolocation) — the server then starts at the village
 * depot. Never waits more than `timeoutMs`; an answer is reused for two minutes.
 */
export async function currentPosition(timeoutMs = 4000): Promise<{ lat: number; lng: number } | null> {
  if (last && Date.now() - last.at < 120_000) return last.pos
  if (typeof Taro.getLocation !== 'function') return null
  const ask = Taro.getLocation({ type: 'wgs84' })
    .then((r) => (Number.isFinite(r.latitude) && Number.isFinite(r.longitude) ? { lat: r.latitude, lng: r.longitude } : null))
    .catch(() => null)
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
  const pos = await Promise.race([ask, timeout])
  last = { at: Date.now(), pos }
  return pos
}

import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { listTownshipVillages, staffTownships, type TMe, type TPlace } from '../api/me'
import { toAppError } from '../api/request'

// A township's villages change rarely: keep them for the session (keyed by township ids).
const townshipCache = new Map<string, TPlace[]>()

/**
 * Which village a page is about. `own(me)` lists the villages the person belongs to or serves;
 * with `township`, 镇街管理员 also get their township's villages (GET
 * /api/townships/{id}/villages). `initialId` (a page's ?villageId=) wins when it is listed.
 */
export function useVillageChoice(me: TMe | null, own: (me: TMe) => TPlace[], opts: { initialId?: string | null; township?: boolean } = {}) {
  const [chosen, setChosen] = useState<string | null>(opts.initialId ?? null)
  const townships = me && opts.township ? staffTownships(me) : []
  const key = townships.map((t) => t.id).join(',')
  const [fromTownship, setFromTownship] = useState<TPlace[] | null>(() => (key ? (townshipCache.get(key) ?? null) : null))
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    if (!key) return
    let live = true
    Promise.all(key.split(',').map((id) => listTownshipVillages(id)))
      .then((pages) => {
        const list = pages.flatMap((p) => p.items)
        townshipCache.set(key, list)
        if (live) {
          setFromTownship(list)
          setError(null)
        }
      })
      .catch((err) => {
        if (live) setError(toAppError(err))
      })
    return () => {
      live = false
    }
  }, [key])

  const villages: TPlace[] = []
  for (const v of [...(me ? own(me) : []), ...(key ? (fromTownship ?? []) : [])]) {
    if (!villages.some((x) => x.id === v.id)) villages.push(v)
  }
  const village = villages.find((v) => v.id === chosen) ?? villages[0] ?? null
  const pending = !me || (Boolean(key) && fromTownship === null && !error)

  return { villages, village, villageId: village?.id ?? null, choose: setChosen, pending, error }
}

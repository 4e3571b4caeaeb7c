import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { listVillageBins, type TVillageBins } from '../../api/bins'
import { adminVillages, cadreVillages } from '../../api/me'
import { toAppError } from '../../api/request'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'

/**
 * The bins pages' common ground: who is signed in, which village (`?villageId=`, else the
 * person's own; 镇街管理员 may pick any village of their township), that village's bins
 * (reloaded whenever the page shows) and whether this person may change them (村干部 of it).
 */
export function useVillageBins() {
  const { params } = useRouter()
  const { me, error: meError, reload: reloadMe } = useMe()
  const choice = useVillageChoice(me, adminVillages, { initialId: params.villageId, township: true })
  const villageId = choice.villageId
  const [data, setData] = useState<TVillageBins | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [loading, setLoading] = useState(false)
  const current = useRef<string | null>(villageId)
  current.current = villageId

  const load = async (id: string | null = current.current) => {
    if (!id) return
    setLoading(true)
    try {
      const res = await listVillageBins(id)
      if (current.current === id) {
        setData(res)
        setError(null)
      }
    } catch (err) {
      if (current.current === id) setError(toAppError(err))
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    setData(null)
    void load(villageId)
  }, [villageId])
  // later shows (back from 新增 / 修改 / 导入) reload; the first show is the mount above
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })

  const canEdit = Boolean(me && villageId && cadreVillages(me).some((v) => v.id === villageId))
  const noVillage = Boolean(me && !choice.pending && !choice.villages.length)

  return { me, meError, reloadMe, choice, villageId, data, error, loading, load, canEdit, noVillage, params }
}

/** Courtyards and cleaners seen on the village's bins (the sticker sheet's filter; the edit page loads the full lists). */
export function choicesFrom(data: TVillageBins | null) {
  const courtyards: { id: string; name: string }[] = []
  const cleaners: { id: string; name: string }[] = []
  for (const b of data?.items ?? []) {
    if (b.courtyard && !courtyards.some((c) => c.id === b.courtyard!.id)) courtyards.push(b.courtyard)
    for (const c of b.cleaners) if (!cleaners.some((x) => x.id === c.id)) cleaners.push(c)
  }
  courtyards.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  return { courtyards, cleaners }
}

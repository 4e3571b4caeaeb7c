import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { toAppError } from '../../api/request'

/**
 * What a back-office page shows for the chosen village (its rules, its rewards): cleared and
 * loaded again when the choice changes, so one village's data never shows under another's name;
 * pull-down reloads the person (`reloadMe`, their roles decide the villages) and then the data.
 */
export function useVillageData<T>(villageId: string | null, fetch: (villageId: string) => Promise<T>, reloadMe: () => Promise<unknown>) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const villageRef = useRef<string | null>(null)
  villageRef.current = villageId

  const load = async (id: string | null) => {
    if (!id) return
    try {
      setData(await fetch(id))
      setError(null)
    } catch (err) {
      setError(toAppError(err))
    }
  }

  useEffect(() => {
    setData(null)
    void load(villageId)
  }, [villageId])
  usePullDownRefresh(async () => {
    await reloadMe()
    await load(villageRef.current)
    Taro.stopPullDownRefresh()
  })

  return { data, setData, error, setError, load }
}

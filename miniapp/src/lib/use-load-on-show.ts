import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'

/** Runs the page's `load` every time the page shows (back from a pushed page too) and on pull-down, then ends the pull-down. */
export function useLoadOnShow(load: () => Promise<unknown>): void {
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })
}

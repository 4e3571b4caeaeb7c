import Taro from '@tarojs/taro'

/** iOS WeChat's standard text size; its other sizes and Android's are given against it. */
const STANDARD_PX = 17

/**
 * How much larger than standard the person set WeChat's text (我 → 设置 → 通用 → 字体大小;
 * 关怀模式 sets 23.8 px, about 1.4×): getAppBaseInfo (base library 2.20.1+), else the older
 * getSystemInfoSync. A browser exposes no such setting: null.
 */
export function systemFontScale(): number | null {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    // Taro's type of getAppBaseInfo leaves out the two font fields WeChat documents
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as {
      fontSizeScaleFactor?: number
      fontSizeSetting?: number
    }
    if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor
    if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) return info.fontSizeSetting / STANDARD_PX
  } catch {
    // an old base library: no setting to follow
  }
  return null
}

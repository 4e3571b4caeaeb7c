import Taro from '@tarojs/taro'

/**
 * 看大图: a photo shown full screen. In a browser, Taro's previewImage brings a whole swiper
 * (~60 KB compressed, most of a bin page's own code) that is needed only on a tap, so the H5
 * build loads it then. The condition is replaced at build time: the mini-program build never
 * sees the import().
 */
export function previewPhoto(src: string): void {
  if (process.env.TARO_ENV === 'h5') void import('./preview-now').then((m) => m.previewNow(src))
  else void Taro.previewImage({ urls: [src], current: src })
}

import Taro from '@tarojs/taro'

/** Loaded on the first tap in the H5 build (lib/preview.ts). */
export const previewNow = (src: string) => Taro.previewImage({ urls: [src], current: src })

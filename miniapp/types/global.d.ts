/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string
    /** API origin fixed at build time ('' = same origin on H5). */
    TARO_APP_API_BASE: string
  }
}

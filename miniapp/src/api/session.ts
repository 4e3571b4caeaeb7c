import Taro from '@tarojs/taro'

const TOKEN_KEY = 'xyj.token'

export function getToken(): string | null {
  try {
    const t = Taro.getStorageSync(TOKEN_KEY)
    return typeof t === 'string' && t ? t : null
  } catch {
    return null
  }
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY)
  } catch {
    // storage unavailable: nothing to clear
  }
}

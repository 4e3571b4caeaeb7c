import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from './routes'

let redirecting = false

function currentUrl(): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return null
  const path = router.path.split('?')[0]
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => v !== undefined && v !== '' && !k.startsWith('$') && k !== 'stamp')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`
}

/** Session missing or expired: open the login page, remembering where the person was. */
export function goToLogin(): void {
  relaunchWithReturn(ROUTES.login)
}

/** Opens `route` alone (nothing to go back to), remembering the page the person was on. */
function relaunchWithReturn(route: string): void {
  const here = currentUrl()
  if (redirecting || (here && here.startsWith(route))) return
  redirecting = true
  const back = here && !TAB_ROUTES.includes(here.split('?')[0]) ? `?redirect=${encodeURIComponent(here)}` : ''
  Taro.reLaunch({ url: `${route}${back}` }).finally(() => {
    redirecting = false
  })
}

/** Signed in, but the 协议 agreed to is older than the one in force: ask again, then come back here. */
export function goToConsent(): void {
  relaunchWithReturn(ROUTES.consent)
}

/** Open any page: tabs need switchTab, other pages navigateTo. */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  if (TAB_ROUTES.includes(path)) {
    Taro.switchTab({ url: path })
  } else {
    Taro.navigateTo({ url })
  }
}

/** After signing in: back to the page that sent the person to the login page, or home. */
export function leaveLogin(redirect?: string): void {
  const target = redirect ? decodeURIComponent(redirect) : ''
  const path = target.split('?')[0]
  if (!target || !path.startsWith('/') || path === ROUTES.login || TAB_ROUTES.includes(path)) {
    Taro.switchTab({ url: path && TAB_ROUTES.includes(path) ? path : ROUTES.home })
    return
  }
  Taro.reLaunch({ url: target })
}

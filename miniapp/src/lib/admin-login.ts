import Taro from '@tarojs/taro'
import { adminLoginScene, adminLoginTicketFrom } from '../../../shared/domain/admin-login'
import { platform, PlatformCancelled } from '../platform'
import { openPage } from './navigation'
import { ROUTES } from './routes'

/** The confirm page for a ticket, with the scene as its code would pass it. */
export function adminLoginPageFor(ticketId: string): string {
  return `${ROUTES.adminLogin}?scene=${encodeURIComponent(adminLoginScene(ticketId))}`
}

/**
 * If a scan read a back office's login QR (its mini-program code or the plain QR), opens the
 * confirm page and answers true; any other code is left to the caller.
 */
export function openAdminLoginScan(res: { result: string; path?: string }): boolean {
  const ticketId = adminLoginTicketFrom(res.path || res.result)
  if (!ticketId) return false
  openPage(adminLoginPageFor(ticketId))
  return true
}

/** 我的 · 扫码登录电脑: scans the QR the back office shows. */
export async function scanToSignInComputer(): Promise<void> {
  try {
    const res = await platform.scanCode()
    if (!openAdminLoginScan(res)) Taro.showToast({ title: '这不是管理后台的登录二维码', icon: 'none', duration: 2000 })
  } catch (err) {
    if (!(err instanceof PlatformCancelled)) Taro.showToast({ title: '扫码没有成功，请再试一次', icon: 'none', duration: 2000 })
  }
}

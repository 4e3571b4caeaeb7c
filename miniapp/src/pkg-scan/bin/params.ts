import { parseBinInput } from '../../../../shared/domain/bin-report'

/**
 * The QR scene arrives URL-encoded (`b%3D<code>`), and once more after a trip through the
 * login page's ?redirect=; a code never contains `%`, so decoding until it is gone is safe.
 */
export function binCodeFromParams(params: Record<string, string | undefined>): string {
  let raw = params.code || params.scene || ''
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(raw); i++) {
    try {
      raw = decodeURIComponent(raw)
    } catch {
      break
    }
  }
  return parseBinInput(raw)
}

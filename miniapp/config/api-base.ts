/** What the Taro config knows about the build it is configuring. */
export type TBuild = {
  /** TARO_ENV: 'weapp', 'h5', … */
  platform: string | undefined
  /** `--watch`: a development build; Taro makes every other build a production one */
  watch: boolean
}

/** Where a development mini-program finds `npm start` / `npm run serve` on the same machine. */
export const DEV_API_BASE = 'http://localhost:3000'

/**
 * The API address baked into a build (TARO_APP_API_BASE). H5 defaults to '' (same origin: the
 * server serves the H5 build at / and the API at /api). A released mini-program may only call
 * https domains listed in its console (服务器域名), so a production weapp build without an https
 * address would upload fine and then fail every request on phones: refuse to build it instead.
 * Development (watch) builds default to the local server.
 */
export function apiBaseFor(build: TBuild, value: string | undefined): string {
  if (build.platform === 'h5') return value ?? ''
  if (build.watch) return value || DEV_API_BASE
  if (!isHttpsUrl(value)) {
    throw new Error(
      `TARO_APP_API_BASE must be the https address of the API for a release ${build.platform ?? 'mini-program'} build ` +
        `(WeChat calls only https domains listed under 服务器域名), got ${value ? JSON.stringify(value) : 'nothing'}. ` +
        'Example: TARO_APP_API_BASE=https://api.your-domain.cn npm run build:weapp — or use npm run dev:weapp for a local http server.',
    )
  }
  return value
}

function isHttpsUrl(value: string | undefined): value is string {
  if (!value) return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password
  } catch {
    return false
  }
}

import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { createSwcRegister } from '@tarojs/helper'
import { apiBaseFor } from './api-base'

const repoRoot = path.resolve(__dirname, '../..')
const sharedDir = path.join(repoRoot, 'shared')
const isH5 = process.env.TARO_ENV === 'h5'

// Taro compiles only config/ when loading it: let it compile shared/ too, whose parser of the
// tile setting the host uses as well (one rule, one place).
createSwcRegister({ only: [(file: string) => file.startsWith(sharedDir + path.sep)] })
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the register above
const { mapTilesFrom } = require('../../shared/domain/map-tiles') as typeof import('../../shared/domain/map-tiles')

/**
 * API base URL, fixed at build time (rules and why: ./api-base.ts). Taro itself only reads
 * TARO_APP_* from .env files, so the shell variable is passed here. Taro makes every build
 * without --watch a production build (even with NODE_ENV set otherwise), so --watch decides.
 */
const apiBase = (() => {
  try {
    return apiBaseFor({ platform: process.env.TARO_ENV, watch: process.argv.includes('--watch') }, process.env.TARO_APP_API_BASE)
  } catch (e) {
    // Taro would print a stack and blame a missing config file: say only what to fix.
    process.stderr.write(`\n✖ ${e instanceof Error ? e.message : String(e)}\n\n`)
    process.exit(1)
  }
})()

/**
 * The H5 tile map's source (shared/domain/map-tiles.ts, decision 019), written into index.html's
 * meta tag: TARO_APP_MAP_TILES (a {z}/{x}/{y} template, or off), _DATUM (wgs84 | gcj02),
 * _ATTRIBUTION. Unset: 高德's tiles.
 */
const mapTiles = (() => {
  try {
    const t = mapTilesFrom({
      url: process.env.TARO_APP_MAP_TILES,
      datum: process.env.TARO_APP_MAP_TILES_DATUM,
      attribution: process.env.TARO_APP_MAP_TILES_ATTRIBUTION,
    })
    return t ? JSON.stringify(t) : ''
  } catch (e) {
    process.stderr.write(`\n✖ ${e instanceof Error ? e.message.replace(/^MAP_TILES/, 'TARO_APP_MAP_TILES') : String(e)}\n\n`)
    process.exit(1)
  }
})()

/**
 * How the H5 build shares code between its chunks. Taro 4.2.1's default (`chunks: 'initial'`)
 * splits only the entry, so everything pages import lazily — Taro's H5 components with swiper,
 * pulled in by `Image`, NutUI, the request wrapper — was copied into every page chunk that used
 * it: 83% of the JS was duplicates. `chunks: 'all'` splits async chunks as well, so a shared
 * module is emitted once, in a chunk of its own that each page using it loads (and the browser
 * caches). Same groups as Taro's (its runtime, node_modules, own code), unnamed so each page
 * loads only the groups it uses; minSize keeps pieces under 20 KB inside their pages (webpack's
 * production default) rather than one more request each. Figures: bench/h5-size.ts, decision 002.
 * The weapp build has its own rules (mini.optimizeMainPackage, subpackages) and is untouched.
 */
const h5SplitChunks = {
  chunks: 'all',
  hidePathInfo: true,
  minSize: 20_000,
  cacheGroups: {
    default: false,
    defaultVendors: false,
    taro: { name: false, test: (m: { context?: string | null }) => /@tarojs[\\/][a-z]+/.test(m.context ?? ''), priority: 100 },
    vendors: { name: false, minChunks: 2, test: (m: { resource?: string }) => /[\\/]node_modules[\\/]/.test(m.resource ?? ''), priority: 10 },
    common: { name: false, minChunks: 2, priority: 1 },
  },
} as const

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiaoyuanjia',
    date: '2025-1-1',
    // Everything (NutUI included) is written against a 375px-wide design.
    designWidth: () => 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Separate roots so both builds coexist; paths are relative to miniapp/.
    outputRoot: isH5 ? '../dist/h5' : '../dist/weapp',
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    // Client code imports ../../shared/* by relative path: no alias to keep in step across
    // Taro, the root tsconfig, jest and eslint.
    alias: {},
    // the route map's marker icons: WeChat's <map> takes only files of the package as icons
    copy: { patterns: isH5 ? [] : [{ from: 'src/pkg-clean/tasks/markers/', to: '../dist/weapp/pkg-clean/tasks/markers/' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // The repo's top-level shared/ (zod contracts, errors) is TypeScript that Taro must compile.
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      devServer: {
        // No Fast Refresh: it would need two more packages for little gain (see babel.config.js).
        hot: false,
        // `npm run dev:h5` serves on :10086; the API (same origin in production) is proxied.
        proxy: { '/api': { target: process.env.XYJ_API_PROXY ?? 'http://localhost:3000', changeOrigin: true } },
      },
      compile: { include: [sharedDir] },
      // index.html's <meta name="xyj-map-tiles"> (lodash-escaped there)
      htmlPluginOption: { mapTiles },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: (chain) => {
        chain.optimization.splitChunks(h5SplitChunks)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, { h5: { enableSourceMap: true } })
  }
  return merge({}, baseConfig)
})

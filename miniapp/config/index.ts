import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { apiBaseFor } from './api-base'

const repoRoot = path.resolve(__dirname, '../..')
const sharedDir = path.join(repoRoot, 'shared')
const isH5 = process.env.TARO_ENV === 'h5'

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
    copy: { patterns: [], options: {} },
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
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, { h5: { enableSourceMap: true } })
  }
  return merge({}, baseConfig)
})

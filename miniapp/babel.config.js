// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// hot: false — no React Fast Refresh in `--watch` H5 builds, so the dev build needs neither
// react-refresh nor @pmmmwh/react-refresh-webpack-plugin (config/index.ts sets devServer.hot too).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', hot: false }]],
}

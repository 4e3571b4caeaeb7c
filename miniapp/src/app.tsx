import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { fixH5Pages } from './lib/h5-pages'
import { startOutbox } from './lib/outbox'
import { ROUTES } from './lib/routes'
import { installPrivacyAuthorization } from './platform'
import './styles'

function App({ children }: PropsWithChildren) {
  // Reports kept offline by a previous run go out now, and on every later show (lib/outbox.ts).
  useLaunch(() => {
    startOutbox()
    fixH5Pages()
    // WeChat's 隐私授权 (weapp only): a page without the popup hands over to the 隐私政策 page, which has it
    installPrivacyAuthorization(() => void Taro.navigateTo({ url: `${ROUTES.policy}?wx=1` }))
  })
  // Pages load their own data (useDidShow); the app shell holds no state.
  return children
}

export default App

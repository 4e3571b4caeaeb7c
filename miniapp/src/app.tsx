import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { startOutbox } from './lib/outbox'
import './styles'

function App({ children }: PropsWithChildren) {
  // Reports kept offline by a previous run go out now, and on every later show (lib/outbox.ts).
  useLaunch(() => startOutbox())
  // Pages load their own data (useDidShow); the app shell holds no state.
  return children
}

export default App

import type { PropsWithChildren } from 'react'
import './styles'

function App({ children }: PropsWithChildren) {
  // Pages load their own data (useDidShow); the app shell holds no state.
  return children
}

export default App

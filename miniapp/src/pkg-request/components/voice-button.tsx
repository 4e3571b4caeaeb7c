import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { PlatformUnavailable, type TVoiceSession } from '../../platform'
import { voiceHost } from '../../platform/voice'

/** Recognised words go after what is typed, never over it. */
export function appendSpoken(typed: string, spoken: string, max: number): string {
  const words = spoken.trim()
  if (!words) return typed
  return `${typed}${words}`.slice(0, max)
}

type TState = 'idle' | 'listening' | 'working'

/**
 * 「按住说话」: held, it listens; let go, the words are added after the typed text (`onText`
 * receives them). Shown only where the host can listen (WeChat's 同声传译 plugin, or a
 * browser with the Web Speech API). In the mini-program it follows the finger (touch
 * events); in a browser pointer events, so a mouse works too.
 */
export function VoiceButton({ onText, testId }: { onText: (spoken: string) => void; testId: string }) {
  const [state, setState] = useState<TState>('idle')
  const session = useRef<Promise<TVoiceSession> | null>(null)
  const onTextRef = useRef(onText)
  onTextRef.current = onText

  useEffect(
    () => () => {
      void session.current?.then(
        (s) => s.cancel(),
        () => undefined,
      ) // page left mid-sentence
    },
    [],
  )

  if (!voiceHost.canListen) return null

  const begin = () => {
    if (session.current) return
    setState('listening')
    session.current = voiceHost.listen()
    session.current.catch(() => undefined)
  }

  const end = async () => {
    const pending = session.current
    if (!pending) return
    setState('working')
    try {
      const spoken = await (await pending).stop()
      if (spoken) onTextRef.current(spoken)
      else Taro.showToast({ title: '没有听清，请再说一次', icon: 'none', duration: 1500 })
    } catch (err) {
      const title = err instanceof PlatformUnavailable ? '这里用不了语音' : '没有听到声音，请允许使用话筒'
      Taro.showToast({ title, icon: 'none', duration: 2000 })
    } finally {
      session.current = null
      setState('idle')
    }
  }

  const hold =
    process.env.TARO_ENV === 'weapp'
      ? { onTouchStart: begin, onTouchEnd: () => void end(), onTouchCancel: () => void end() }
      : { onPointerDown: begin, onPointerUp: () => void end(), onPointerCancel: () => void end(), onPointerLeave: () => void end() }

  return (
    <View className={`voice-button voice-button--${state}`} role="button" data-testid={testId} data-state={state} {...hold}>
      <Text className="voice-button__text">{state === 'listening' ? '正在听，说完松开' : state === 'working' ? '正在识别…' : '按住说话'}</Text>
    </View>
  )
}

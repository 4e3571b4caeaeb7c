import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { TMe } from '../api/me'
import { getMySos } from '../api/sos'
import { badgeText } from '../lib/format'
import { openPage } from '../lib/navigation'
import { REQUEST_ROUTES } from '../lib/request-routes'
import { ROUTES } from '../lib/routes'
import { scanBinToReport } from './bin-cards'
import { SosCard } from './sos-card'

/** 长辈模式 replaces 首页 with ElderHome for people who are only villagers; staff keep their work on it. */
export function showsElderHome(me: TMe): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r.role === 'villager')
}

/** One big tile: a short name and a few words, the whole tile is the button. */
function Action({ title, words, tone, onClick, testId }: { title: string; words: string; tone: string; onClick: () => void; testId: string }) {
  return (
    <View className={`elder-action elder-action--${tone}`} role="button" data-testid={testId} onClick={onClick}>
      <Text className="elder-action__title">{title}</Text>
      <Text className="elder-action__words">{words}</Text>
    </View>
  )
}

/**
 * 首页 in 长辈模式: the three things a villager comes for, large — 一键呼叫, 垃圾桶满了, 找院长 —
 * and 消息 when there is something new. 一键呼叫 is the same two-tap button as on the usual
 * home; whoever has not turned it on gets a tile that opens 我的, where the switch is.
 */
export function ElderHome({ me, unread, tick, className }: { me: TMe; unread: number | null; tick: number; className: string }) {
  const [sos, setSos] = useState<boolean | null>(null)
  const ref = useRef(() => {})
  ref.current = () =>
    void getMySos().then(
      (r) => setSos(r.available),
      () => setSos(null),
    )
  useEffect(() => ref.current(), [])
  useDidShow(() => ref.current())

  return (
    <View className={`page home elder-home ${className}`} data-testid="elder-home">
      <Text className="page-title" data-testid="home-greeting">{`${me.person.name}，您好`}</Text>

      <View data-testid="elder-sos">
        {sos === false ? (
          <Action title="一键呼叫" words="在「我的」里打开" tone="sos" onClick={() => openPage(ROUTES.me)} testId="elder-sos-setup" />
        ) : (
          <SosCard key={`sos-${tick}`} me={me} />
        )}
      </View>
      <Action title="垃圾桶满了" words="扫一扫桶上的码" tone="bin" onClick={() => void scanBinToReport()} testId="elder-bin" />
      <Action title="找院长" words="有事说一声" tone="ask" onClick={() => openPage(REQUEST_ROUTES.new)} testId="elder-ask" />

      <View className="xyj-row" role="button" data-testid="elder-inbox" onClick={() => openPage(ROUTES.inbox)}>
        <Text className="xyj-row__title">消息</Text>
        {unread ? <Text className="xyj-badge">{badgeText(unread)}</Text> : null}
        <Text className="xyj-row__arrow">›</Text>
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { TLedgerItem } from '../api/points'
import { formatTime } from '../lib/format'
import { signedPoints } from '../lib/points'

/** One line of 积分明细: what for (and the note a head or cadre wrote), when, ± points. */
export function LedgerItem({ item, showPerson }: { item: TLedgerItem; showPerson?: boolean }) {
  const plus = item.amount > 0
  return (
    <View className="xyj-ledger" data-testid="ledger-item" data-amount={String(item.amount)} data-reason={item.reasonCode}>
      <View className="xyj-ledger__main">
        <Text className="xyj-ledger__reason">{item.reason}</Text>
        {item.note ? <Text className="xyj-ledger__note">{item.note}</Text> : null}
        <Text className="xyj-ledger__meta">{showPerson ? `${item.person.name} · ${formatTime(item.createdAt)}` : formatTime(item.createdAt)}</Text>
      </View>
      <Text className={`xyj-amount ${plus ? 'xyj-amount--plus' : 'xyj-amount--minus'}`}>{signedPoints(item.amount)}</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { decideIntent, type TIntent, type TIntentDecision } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { formatFen } from '../../lib/money'
import { useAction } from '../../lib/use-action'
import { entryClass, EntrySection } from '../components/entry-section'
import { INTENT_STATES, INTENT_TAG } from '../components/labels'
import { PhoneRow } from '../components/phone-row'
import { ReasonPanel } from '../components/reason-panel'
import { StateTag } from '../../components/state-tag'

const REASON_MAX = 200
const QUICK_REASONS = ['已经卖完了', '数量不够', '太远送不了']

const rank = (i: TIntent) => (i.state === 'pending' ? 0 : i.state === 'accepted' ? 1 : 2)

/** Waiting ones first, then the newest. */
function ordered(items: TIntent[]): TIntent[] {
  return [...items].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt))
}

/**
 * 收到的意向 (the seller): who wants how much, their phone with a call button, 接受 (takes the
 * quantity off what is left, never below zero) or 婉拒 with an optional reason.
 */
export function SellerIntents({
  items,
  onDecided,
  onConflict,
}: {
  items: TIntent[] | null
  onDecided: (intent: TIntent) => void
  /** a 409 (already decided, not enough left): reload the listing and its intents */
  onConflict: () => void
}) {
  const [declining, setDeclining] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const decide = useAction('decide-intent', (i: { id: string; body: TIntentDecision }, key: string) => decideIntent(i.id, i.body, key))
  const [errorFor, setErrorFor] = useState<string | null>(null)

  const run = async (id: string, body: TIntentDecision) => {
    setErrorFor(id)
    const res = await decide.run({ id, body })
    if (res.ok) {
      setDeclining(null)
      setReason('')
      onDecided(res.value)
    } else if ('error' in res && res.error.status === 409) {
      onConflict()
    }
  }

  return (
    <EntrySection testId="listing-intents" title="想买的人" emptyText="还没有人发来意向。" items={items}>
      {(list) =>
        ordered(list).map((i) => (
          <View key={i.id} className={entryClass(rank(i))} data-testid="intent-item" data-id={i.id} data-state={i.state}>
            <View className="mk-entry__head">
              <Text className="mk-entry__title">{`${i.buyer.name} 要 ${i.quantity}${i.listing.unit}`}</Text>
              <View data-testid="intent-state">
                <StateTag state={i.state} labels={INTENT_STATES} types={INTENT_TAG} />
              </View>
            </View>
            <Text className="mk-entry__line">{`约 ${formatFen(i.quantity * i.listing.priceFen)} · ${formatTime(i.createdAt)}`}</Text>
            {i.note ? <Text className="mk-entry__line" data-testid="intent-note-view">{`留言：${i.note}`}</Text> : null}
            {i.declineReason ? <Text className="mk-entry__line">{`婉拒原因：${i.declineReason}`}</Text> : null}
            {i.state !== 'cancelled' && i.state !== 'declined' && i.buyerPhone ? (
              <PhoneRow name={i.buyer.name} phone={i.buyerPhone} testId="intent-buyer-phone" />
            ) : null}
            {i.state === 'pending' ? (
              <View className="mk-entry__actions">
                <View className="mk-cell">
                  <Button
                    className="btn"
                    type="primary"
                    size="large"
                    block
                    loading={decide.busy && errorFor === i.id && declining !== i.id}
                    disabled={decide.busy}
                    data-testid="intent-accept"
                    onClick={() => void run(i.id, { decision: 'accept' })}
                  >
                    接受
                  </Button>
                </View>
                <View className="mk-cell">
                  <Button
                    className="btn"
                    size="large"
                    block
                    disabled={decide.busy}
                    data-testid="intent-decline"
                    onClick={() => {
                      setDeclining(declining === i.id ? null : i.id)
                      setReason('')
                      decide.setError(null)
                    }}
                  >
                    婉拒
                  </Button>
                </View>
              </View>
            ) : null}
            {declining === i.id ? (
              <ReasonPanel
                title="婉拒的原因（可不填）"
                quickReasons={QUICK_REASONS}
                reason={reason}
                onReason={setReason}
                maxLength={REASON_MAX}
                placeholder="买家会看到"
                busy={decide.busy}
                confirmText="确认婉拒"
                onConfirm={() => void run(i.id, { decision: 'decline', reason: reason.trim().slice(0, REASON_MAX) })}
                testIds={{ panel: 'intent-decline-panel', quick: 'intent-decline-reason', text: 'intent-decline-reason', confirm: 'intent-decline-confirm' }}
              />
            ) : null}
            {errorFor === i.id ? (
              <ErrorNotice
                error={decide.error}
                testId="intent-decide-error"
                hints={{ NOT_ENOUGH_LEFT: '剩下的不够这位买家要的数量，可以婉拒，或请买家少要一些。' }}
              />
            ) : null}
          </View>
        ))
      }
    </EntrySection>
  )
}

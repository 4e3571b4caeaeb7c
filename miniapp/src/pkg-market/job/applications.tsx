import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { decideApplication, type TApplication, type TApplicationDecision } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { entryClass, EntrySection } from '../components/entry-section'
import { APPLICATION_STATES, APPLICATION_TAG } from '../components/labels'
import { PhoneRow } from '../components/phone-row'
import { WorkRecord } from '../components/work-record'
import { StateTag } from '../../components/state-tag'

const rank = (a: TApplication) => (a.state === 'applied' ? 0 : a.state === 'accepted' ? 1 : 2)

function ordered(items: TApplication[]): TApplication[] {
  return [...items].sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt))
}

/**
 * 报名的人 (the poster): each with their phone and a call button, 录用 / 婉拒 while waiting, and
 * for those hired the 工作记录 both sides confirm.
 */
export function JobApplications({
  items,
  onChanged,
  onConflict,
}: {
  items: TApplication[] | null
  onChanged: (a: TApplication, toast?: string) => void
  onConflict: () => void
}) {
  const decide = useAction('decide-application', (i: { id: string; decision: TApplicationDecision }, key: string) => decideApplication(i.id, i.decision, key))
  const [current, setCurrent] = useState<string | null>(null)

  const run = async (id: string, decision: TApplicationDecision) => {
    setCurrent(id)
    const res = await decide.run({ id, decision })
    if (res.ok) onChanged(res.value, decision === 'accept' ? '已录用，对方会收到通知' : '已婉拒')
    else if ('error' in res && res.error.status === 409) onConflict()
  }

  return (
    <EntrySection testId="job-applications" title="报名的人" emptyText="还没有人报名。" items={items}>
      {(list) =>
        ordered(list).map((a) => (
          <View key={a.id} className={entryClass(rank(a))} data-testid="application-item" data-id={a.id} data-state={a.state}>
            <View className="mk-entry__head">
              <Text className="mk-entry__title">{a.worker.name}</Text>
              <StateTag state={a.state} labels={APPLICATION_STATES} types={APPLICATION_TAG} />
            </View>
            <Text className="mk-entry__line">{`报名于 ${formatTime(a.createdAt)}`}</Text>
            {a.note ? <Text className="mk-entry__line">{`留言：${a.note}`}</Text> : null}
            {a.workerPhone && (a.state === 'applied' || a.state === 'accepted') ? (
              <PhoneRow name={a.worker.name} phone={a.workerPhone} testId="application-worker-phone" />
            ) : null}
            {a.state === 'applied' ? (
              <View className="mk-entry__actions">
                <View className="mk-cell">
                  <Button
                    className="btn"
                    type="primary"
                    size="large"
                    block
                    loading={decide.busy && current === a.id}
                    disabled={decide.busy}
                    data-testid="application-accept"
                    onClick={() => void run(a.id, 'accept')}
                  >
                    录用
                  </Button>
                </View>
                <View className="mk-cell">
                  <Button className="btn" size="large" block disabled={decide.busy} data-testid="application-decline" onClick={() => void run(a.id, 'decline')}>
                    婉拒
                  </Button>
                </View>
              </View>
            ) : null}
            {a.state === 'accepted' ? <WorkRecord application={a} side="poster" onSaved={(x) => onChanged(x, '已记下')} /> : null}
            {current === a.id ? <ErrorNotice error={decide.error} testId="application-decide-error" /> : null}
          </View>
        ))
      }
    </EntrySection>
  )
}

import { Text, View } from '@tarojs/components'
import { cadreVillages } from '../../api/me'
import { confirmDeletion, listDeletionRequests } from '../../api/privacy'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { VillageChips } from '../../components/village-chips'
import { formatTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { useVillageData } from '../components/use-village-data'
import '../components/admin.scss'

/**
 * 注销申请 (村干部): villagers who asked to be deleted. 确认注销 anonymises the person — name
 * 「已注销用户」, phone, WeChat and photos gone — while their points and requests stay, nameless.
 */
export default function DeletionsPage() {
  const { me, error, reload } = useMe()
  const choice = useVillageChoice(me, cadreVillages)
  const list = useVillageData(choice.villageId, listDeletionRequests, reload)
  const confirm = useAction('confirm-deletion', (input: { villageId: string; id: string }, key: string) => confirmDeletion(input.villageId, input.id, key))

  const onConfirm = async (id: string) => {
    if (!choice.villageId) return
    const r = await confirm.run({ villageId: choice.villageId, id })
    if (r.ok) await list.load(choice.villageId)
  }

  return (
    <View className="page" data-testid="deletions">
      <ErrorNotice error={error ?? list.error} testId="deletions-error" />
      <VillageChips choice={choice} testId="deletions-village" />
      <Section title="待确认的注销申请">
        {list.data === null ? <Text className="muted">正在加载…</Text> : null}
        {list.data?.items.length === 0 ? (
          <Text className="muted" data-testid="deletions-empty">
            没有待确认的注销申请
          </Text>
        ) : null}
        {list.data?.items.map((d) => (
          <View key={d.id} className="admin-card" data-testid="deletion-item" data-id={d.id}>
            <Text className="admin-card__name">{d.name}</Text>
            <Text className="muted">{`${formatTime(d.requestedAt)} 申请注销`}</Text>
            <Text className="muted">确认后此人的姓名、手机号、微信和照片会被删除，积分明细和办过的事匿名保留。</Text>
            <Button
              className="btn btn-small"
              type="primary"
              size="large"
              block
              loading={confirm.busy}
              data-testid="deletion-confirm"
              onClick={() => onConfirm(d.id)}
            >
              确认注销
            </Button>
          </View>
        ))}
        <ErrorNotice error={confirm.error} testId="deletion-confirm-error" />
      </Section>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { cadreVillages } from '../../api/me'
import { createReward, listRewards, updateReward, type TReward, type TRewardInput, type TRewardPatch } from '../../api/points'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { Toggle } from '../../components/toggle'
import { POINTS_HINTS } from '../../lib/points-errors'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { optionalWholeNumber, wholeNumber } from '../components/numbers'
import { useVillageData } from '../components/use-village-data'
import { VillageChips } from '../../components/village-chips'
import '../components/admin.scss'

type TForm = { name: string; price: string; stock: string; limit: string; active: boolean }

const formOf = (r?: TReward): TForm => ({
  name: r?.name ?? '',
  price: r ? String(r.price) : '',
  stock: r ? String(r.stock) : '',
  limit: r?.perPersonLimit ? String(r.perPersonLimit) : '',
  active: r?.active ?? true,
})

/** The form → the body fields, or the first thing to fix. */
function parseForm(f: TForm): Omit<TRewardInput, 'pictureUrl' | 'startsAt' | 'endsAt'> | AppError {
  const name = f.name.trim()
  if (!name) return new AppError('VALIDATION_FAILED', { message: '请填写商品名称' })
  if (name.length > 30) return new AppError('VALIDATION_FAILED', { message: '商品名称不超过30个字' })
  const price = wholeNumber(f.price, '所需积分', 1, 100000)
  if (price instanceof AppError) return price
  const stock = wholeNumber(f.stock, '库存', 0, 100000)
  if (stock instanceof AppError) return stock
  const perPersonLimit = optionalWholeNumber(f.limit, '每人限换', 1, 1000)
  if (perPersonLimit instanceof AppError) return perPersonLimit
  return { name, price, stock, perPersonLimit, active: f.active }
}

/**
 * 村干部 · 积分超市商品: every reward of the village, on sale or not; change price, stock, the
 * per-person limit, 上架/下架; add a new one. Stock here is what is left to redeem.
 */
export default function RewardsAdminPage() {
  const { params } = useRouter()
  const { me, error: meError, reload } = useMe()
  const choice = useVillageChoice(me, cadreVillages, { initialId: params.villageId })
  const { data: items, error, load } = useVillageData(choice.villageId, async (id) => (await listRewards(id)).items, reload)
  const [adding, setAdding] = useState(false)

  const villageId = choice.villageId

  return (
    <View className="page admin-page rewards-admin">
      <ErrorNotice error={meError ?? choice.error} testId="rewards-me-error" />
      {me && !choice.villages.length ? (
        <Text className="muted" data-testid="rewards-not-cadre">
          只有村干部可以管理积分超市的商品。
        </Text>
      ) : null}
      <VillageChips choice={choice} />
      {choice.village ? <Text className="page-title">{`${choice.village.name} · 积分超市商品`}</Text> : null}

      {villageId ? (
        adding ? (
          <NewReward
            villageId={villageId}
            onClose={() => setAdding(false)}
            onCreated={async () => {
              setAdding(false)
              await load(villageId)
            }}
          />
        ) : (
          <Button className="btn" type="primary" size="xlarge" block data-testid="rewards-new" onClick={() => setAdding(true)}>
            上架新商品
          </Button>
        )
      ) : null}

      <ErrorNotice error={error} testId="rewards-error" hints={POINTS_HINTS} />
      {items && !items.length ? <Text className="xyj-empty">还没有商品</Text> : null}
      {!items && villageId && !error ? <Text className="muted">正在加载…</Text> : null}
      <Section title={items ? `全部商品（${items.length}）` : '全部商品'} testId="rewards-list">
        <View className="admin-page__list">
          {items?.map((r) => (
            <RewardItem key={r.id} reward={r} onSaved={() => load(villageId)} />
          ))}
        </View>
      </Section>
    </View>
  )
}

function RewardFields({ form, set, prefix }: { form: TForm; set: (f: TForm) => void; prefix: string }) {
  return (
    <>
      <Field label="商品名称" value={form.name} onChange={(name) => set({ ...form, name })} maxlength={30} testId={`${prefix}-name`} />
      <Field label="所需积分" value={form.price} onChange={(price) => set({ ...form, price })} type="number" maxlength={6} testId={`${prefix}-price`} />
      <Field label="库存（件）" value={form.stock} onChange={(stock) => set({ ...form, stock })} type="number" maxlength={6} testId={`${prefix}-stock`} />
      <Field
        label="每人限换（件）"
        value={form.limit}
        onChange={(limit) => set({ ...form, limit })}
        type="number"
        maxlength={4}
        placeholder="不填 = 不限"
        testId={`${prefix}-limit`}
      />
      <Toggle label="上架（村民可以兑换）" checked={form.active} onChange={(active) => set({ ...form, active })} testId={`${prefix}-active`} />
    </>
  )
}

function NewReward({ villageId, onClose, onCreated }: { villageId: string; onClose: () => void; onCreated: () => Promise<void> }) {
  const [form, setForm] = useState<TForm>(formOf())
  const create = useAction('create-reward', (body: TRewardInput, key: string) => createReward(villageId, body, key))

  const onSave = async () => {
    const body = parseForm(form)
    if (body instanceof AppError) return create.setError(body)
    const res = await create.run(body)
    if (res.ok) {
      Taro.showToast({ title: '已上架', icon: 'success', duration: 1500 })
      await onCreated()
    }
  }

  return (
    <View className="admin-card" data-testid="reward-new-form">
      <Text className="admin-card__name">上架新商品</Text>
      <View className="admin-card__form">
        <RewardFields form={form} set={setForm} prefix="reward-new" />
        <ErrorNotice error={create.error} testId="reward-new-error" hints={POINTS_HINTS} />
        <View className="row">
          <Button className="btn-small" size="large" disabled={create.busy} onClick={onClose}>
            取消
          </Button>
          <Button className="btn-small" type="primary" size="large" loading={create.busy} data-testid="reward-new-save" onClick={() => void onSave()}>
            上架
          </Button>
        </View>
      </View>
    </View>
  )
}

function RewardItem({ reward: r, onSaved }: { reward: TReward; onSaved: () => Promise<void> }) {
  const [editing, setEditing] = useState(false)
  const [form, setForm] = useState<TForm>(formOf(r))
  const save = useAction('update-reward', (body: TRewardPatch, key: string) => updateReward(r.id, body, key))

  const onSave = async () => {
    const parsed = parseForm(form)
    if (parsed instanceof AppError) return save.setError(parsed)
    // only what changed, so a concurrent edit of another field is not overwritten
    const patch: TRewardPatch = {}
    if (parsed.name !== r.name) patch.name = parsed.name
    if (parsed.price !== r.price) patch.price = parsed.price
    if (parsed.stock !== r.stock) patch.stock = parsed.stock
    if ((parsed.perPersonLimit ?? null) !== r.perPersonLimit) patch.perPersonLimit = parsed.perPersonLimit
    if (parsed.active !== r.active) patch.active = parsed.active
    if (!Object.keys(patch).length) return setEditing(false)
    const res = await save.run(patch)
    if (res.ok) {
      setEditing(false)
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 })
      await onSaved()
    }
  }

  const status = !r.active ? '已下架' : r.open ? (r.stock > 0 ? '兑换中' : '已兑完') : '不在兑换时间'

  return (
    <View className={`admin-card ${r.active ? '' : 'admin-card--off'}`} data-testid="reward-admin-item" data-id={r.id} data-name={r.name}>
      <View className="admin-card__head">
        <Text className="admin-card__name">{r.name}</Text>
        <Text className="admin-card__value">{`${r.price} 积分`}</Text>
      </View>
      <Text className="admin-card__line" data-testid="reward-admin-stock">{`库存 ${r.stock} 件 · ${status}`}</Text>
      <Text className="admin-card__line">{r.perPersonLimit ? `每人限换 ${r.perPersonLimit} 件` : '每人不限'}</Text>
      {editing ? (
        <View className="admin-card__form">
          <RewardFields form={form} set={setForm} prefix="reward-edit" />
          <ErrorNotice error={save.error} testId="reward-edit-error" hints={POINTS_HINTS} />
          <View className="row">
            <Button className="btn-small" size="large" disabled={save.busy} onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button className="btn-small" type="primary" size="large" loading={save.busy} data-testid="reward-edit-save" onClick={() => void onSave()}>
              保存
            </Button>
          </View>
        </View>
      ) : (
        <View className="admin-card__form">
          <Button
            className="btn-small"
            size="large"
            block
            data-testid="reward-edit"
            onClick={() => {
              setForm(formOf(r))
              save.setError(null)
              setEditing(true)
            }}
          >
            修改
          </Button>
        </View>
      )}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { handoverVillages } from '../../api/me'
import { handOver, listVillageRedemptions, type TRedemption } from '../../api/points'
import { toAppError } from '../../api/request'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { parsePickupCode, spacedCode } from '../../lib/points'
import { POINTS_HINTS } from '../../lib/points-errors'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { useVillageChoice } from '../../lib/use-village-choice'
import { platform, PlatformCancelled } from '../../platform'
import { VillageChips } from '../../components/village-chips'
import '../components/admin.scss'
import './index.scss'

/**
 * 凭码发放 for the shop's 店员 (and 村干部): scan the villager's pickup QR or type the code;
 * the server marks it handed over and answers what to give to whom. Below, everything still
 * 待领取 in the village.
 */
export default function HandoverPage() {
  const { params } = useRouter()
  const { me, error: meError } = useMe()
  const choice = useVillageChoice(me, handoverVillages, { initialId: params.villageId })
  const [code, setCode] = useState('')
  const [done, setDone] = useState<TRedemption | null>(null)
  const [waiting, setWaiting] = useState<TRedemption[] | null>(null)
  const [listError, setListError] = useState<AppError | null>(null)
  const [scanError, setScanError] = useState<AppError | null>(null)
  const villageRef = useRef<string | null>(null)
  villageRef.current = choice.villageId

  const loadWaiting = async (villageId: string | null) => {
    if (!villageId) return
    try {
      setWaiting((await listVillageRedemptions(villageId, 'reserved')).items)
      setListError(null)
    } catch (err) {
      setListError(toAppError(err))
    }
  }

  useEffect(() => {
    setWaiting(null)
    void loadWaiting(choice.villageId)
  }, [choice.villageId])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void loadWaiting(villageRef.current)
    shown.current = true
  })
  usePullDownRefresh(async () => {
    await loadWaiting(villageRef.current)
    Taro.stopPullDownRefresh()
  })

  const handAction = useAction('handover', (input: { villageId: string; code: string }, key: string) => handOver(input.villageId, input.code, key))

  const submit = async (raw: string) => {
    const villageId = villageRef.current
    const pickupCode = parsePickupCode(raw)
    setDone(null)
    setScanError(null)
    if (!villageId) return
    if (pickupCode.length < 4) {
      handAction.setError(new AppError('VALIDATION_FAILED', { message: '请输入村民出示的取货码（8位字母和数字）' }))
      return
    }
    setCode(pickupCode)
    const res = await handAction.run({ villageId, code: pickupCode })
    if (res.ok) {
      setDone(res.value)
      setCode('')
      Taro.showToast({ title: '已发放', icon: 'success', duration: 1500 })
    }
    await loadWaiting(villageId)
  }

  const scan = async () => {
    setScanError(null)
    try {
      const res = await platform.scanCode()
      await submit(res.result)
    } catch (err) {
      if (err instanceof PlatformCancelled) return
      setScanError(new AppError('VALIDATION_FAILED', { message: '扫码没有成功，请再扫一次，或直接输入取货码', cause: err }))
    }
  }

  return (
    <View className="page admin-page handover">
      <ErrorNotice error={meError ?? choice.error} testId="handover-me-error" />
      {me && !choice.pending && !choice.villages.length ? (
        <Text className="muted" data-testid="handover-not-staff">
          只有积分超市店员和村干部可以凭取货码发放商品。
        </Text>
      ) : null}

      <VillageChips choice={choice} testId="handover-village" />

      {choice.village ? (
        <>
          <Text className="page-title">{`${choice.village.name} · 积分超市发放`}</Text>
          <Text className="page-subtitle">扫村民的取货码，或输入取货码，确认后把商品交给村民。</Text>

          {platform.canScan ? (
            <Button className="btn" type="primary" size="xlarge" block loading={handAction.busy} data-testid="handover-scan" onClick={() => void scan()}>
              扫取货码
            </Button>
          ) : null}
          <ErrorNotice error={scanError} testId="handover-scan-error" />

          <Field label="取货码" value={code} onChange={setCode} placeholder="8位字母和数字" maxlength={20} testId="handover-code" />
          <Button
            className="btn"
            type={platform.canScan ? 'default' : 'primary'}
            size="xlarge"
            block
            loading={handAction.busy}
            data-testid="handover-submit"
            onClick={() => void submit(code)}
          >
            确认发放
          </Button>
          <ErrorNotice error={handAction.error} testId="handover-error" hints={POINTS_HINTS} />

          {done ? (
            <View className="handover__done" data-testid="handover-result" data-id={done.id} data-code={done.pickupCode}>
              <Text className="handover__done-title">请把商品交给村民</Text>
              <Text className="handover__done-reward" data-testid="handover-reward">
                {done.reward.name}
              </Text>
              <Text className="handover__done-person" data-testid="handover-person">
                {`领取人：${done.person.name}`}
              </Text>
              <Text className="handover__done-meta">{`取货码 ${spacedCode(done.pickupCode)} · ${done.points} 积分 · 已登记发放`}</Text>
            </View>
          ) : null}

          <Section title={waiting ? `待领取（${waiting.length}）` : '待领取'} testId="handover-waiting">
            <ErrorNotice error={listError} testId="handover-list-error" />
            {waiting && !waiting.length ? <Text className="xyj-empty">没有待领取的兑换</Text> : null}
            <View className="admin-page__list">
              {waiting?.map((r) => (
                <View key={r.id} className="handover-item" data-testid="handover-waiting-item" data-id={r.id}>
                  <View className="handover-item__head">
                    <Text className="handover-item__reward">{r.reward.name}</Text>
                    <Text className="handover-item__person">{r.person.name}</Text>
                  </View>
                  <Text className="handover-item__line">{`兑换于 ${formatTime(r.createdAt)} · ${formatTime(r.expiresAt)} 前领取`}</Text>
                </View>
              ))}
            </View>
          </Section>
        </>
      ) : null}
    </View>
  )
}

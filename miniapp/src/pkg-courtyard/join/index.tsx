import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { getInvite, type TInvitePreview } from '../../api/invites'
import { JOIN_STATE_LABEL, listMine, submitJoin, withdraw, type TJoinRequest, type TMember } from '../../api/join-requests'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { Toggle } from '../../components/toggle'
import { FLAG_KEYS, FLAG_LABELS, formatTime } from '../../lib/format'
import { parseInviteInput as extractInviteCode } from '../../../../shared/domain/invite-code'
import { isPlaceholderName } from '../../../../shared/domain/person-name'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { platform, PlatformCancelled } from '../../platform'
import { StateTag, type TTagType } from '../../components/state-tag'
import './index.scss'

const JOIN_STATE_TAG: Record<TJoinRequest['state'], TTagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'default',
  withdrawn: 'default',
  expired: 'default',
}

type TFlags = { livesAlone: boolean; elderly: boolean; needsCare: boolean }

const RELATIONS = ['配偶', '儿子', '女儿', '父亲', '母亲', '孙子女', '其他']

export default function JoinPage() {
  const { params } = useRouter()
  const { me } = useMe()

  // Step 1: the invite code (typed, scanned, or from the QR that opened this page).
  const [codeInput, setCodeInput] = useState(() => extractInviteCode(params.code ?? params.scene ?? ''))
  const [preview, setPreview] = useState<TInvitePreview | null>(null)
  const [lookupBusy, setLookupBusy] = useState(false)
  const [lookupError, setLookupError] = useState<AppError | null>(null)

  // Step 2: 信息采集.
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [household, setHousehold] = useState('')
  const [members, setMembers] = useState<TMember[]>([])
  const [flags, setFlags] = useState<TFlags>({ livesAlone: false, elderly: false, needsCare: false })
  const [formError, setFormError] = useState<AppError | null>(null)
  const prefilled = useRef(false)

  // Step 3: the answer, and every request this person has made.
  const [submitted, setSubmitted] = useState<TJoinRequest | null>(null)
  const [mine, setMine] = useState<TJoinRequest[] | null>(null)

  const loadMine = async () => {
    if (!getToken()) return
    try {
      setMine((await listMine()).items)
    } catch {
      // the status list is secondary; the main flow still works without it
    }
  }
  useDidShow(() => {
    void loadMine()
  })

  useEffect(() => {
    if (me && !prefilled.current) {
      prefilled.current = true
      // 微信用户 is the sign-in placeholder, never a name: leave the box empty to be filled
      if (me.person.name && !isPlaceholderName(me.person.name)) setName(me.person.name)
      if (me.person.phone) setPhone(me.person.phone)
      if (me.household?.label) setHousehold(me.household.label)
      setFlags({ ...me.person.flags })
    }
  }, [me])

  const lookup = async (raw: string) => {
    const code = extractInviteCode(raw)
    setCodeInput(code)
    if (!code) {
      setLookupError(new AppError('VALIDATION_FAILED', { message: '请输入院长给您的邀请码' }))
      return
    }
    setLookupBusy(true)
    setLookupError(null)
    try {
      setPreview(await getInvite(code))
    } catch (err) {
      setPreview(null)
      setLookupError(toAppError(err))
    } finally {
      setLookupBusy(false)
    }
  }

  // Opened from an invite QR (scene=j%3D<code>) or a link with ?code=: look it up at once.
  useEffect(() => {
    if (codeInput && getToken()) void lookup(codeInput)
  }, [])

  const scan = async () => {
    setLookupError(null)
    try {
      const res = await platform.scanCode()
      const code = extractInviteCode(res.path || res.result)
      if (!code) {
        setLookupError(new AppError('VALIDATION_FAILED', { message: '这不是院落邀请码，请扫描院长给的二维码' }))
        return
      }
      await lookup(code)
    } catch (err) {
      if (err instanceof PlatformCancelled) return
      setLookupError(new AppError('VALIDATION_FAILED', { message: '扫码没有成功，请再试一次，或直接输入邀请码', cause: err }))
    }
  }

  const submit = useAction('join-request', submitJoin)
  const withdrawAction = useAction('withdraw-join-request', withdraw)

  const onWithdraw = async (id: string) => {
    const res = await Taro.showModal({ title: '撤回申请', content: '确定要撤回这份入院申请吗？', confirmText: '撤回', cancelText: '不撤回' })
    if (!res.confirm) return
    const done = await withdrawAction.run(id)
    if (done.ok) {
      setSubmitted(null)
      Taro.showToast({ title: '已撤回', icon: 'none' })
    }
    void loadMine()
  }

  const onSubmit = async () => {
    if (!preview) return
    const cleanMembers = members.map((m) => ({ name: m.name.trim(), relation: m.relation.trim() })).filter((m) => m.name || m.relation)
    const missing = [
      !name.trim() && '请填写姓名',
      isPlaceholderName(name) && '请填写真实姓名，不能用「微信用户」',
      !phone.trim() && '请填写手机号',
      !household.trim() && '请填写门牌号或户名',
      cleanMembers.some((m) => !m.name) && '请填写家庭成员的姓名',
      cleanMembers.some((m) => !m.relation) && '请填写家庭成员与您的关系',
    ].filter(Boolean) as string[]
    if (missing.length) {
      setFormError(
        new AppError('VALIDATION_FAILED', {
          message: '还有内容没有填写',
          issues: missing.map((message) => ({ path: '', message })),
        }),
      )
      return
    }
    setFormError(null)
    const res = await submit.run({
      inviteCode: preview.code,
      name: name.trim(),
      phone: phone.trim(),
      householdLabel: household.trim(),
      members: cleanMembers,
      flags,
    })
    if (res.ok) {
      setSubmitted(res.value)
      void loadMine()
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    }
  }

  const setMember = (i: number, patch: Partial<TMember>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)))

  const pendingMine = mine?.find((r) => r.state === 'pending')
  const showDone = submitted !== null
  // A pending request blocks a new one (JOIN_REQUEST_PENDING), so say so up front.
  const blocked = !showDone && pendingMine !== undefined

  return (
    <View className="page join">
      {showDone ? (
        <View className="join__done" data-testid="join-done">
          <Text className="join__done-title">已提交，等待院长审核</Text>
          <Text className="muted">{`${submitted.courtyard.name}的院长审核通过后，您就是院落的一员了。`}</Text>
          <View className="gap" />
          <SubscribeAsk template="join_request_decided" label="通知我审核结果" primary doneText="好的，院长审核后会通过微信通知您" testId="join-subscribe" />
          <Button className="btn" size="xlarge" block data-testid="join-back-home" onClick={() => openPage(ROUTES.home)}>
            回到首页
          </Button>
        </View>
      ) : blocked ? (
        <View className="join__done" data-testid="join-pending">
          <Text className="join__done-title">您的申请正在等待院长审核</Text>
          <Text className="muted">{`您申请加入${pendingMine.courtyard.name}，院长审核后会通知您。填错了可以撤回后重新申请。`}</Text>
          <View className="gap" />
          <SubscribeAsk template="join_request_decided" label="通知我审核结果" primary doneText="好的，院长审核后会通过微信通知您" testId="join-subscribe" />
          <Button className="btn" size="xlarge" block loading={withdrawAction.busy} data-testid="join-withdraw" onClick={() => onWithdraw(pendingMine.id)}>
            撤回申请
          </Button>
          <ErrorNotice error={withdrawAction.error} testId="join-withdraw-error" />
        </View>
      ) : !preview ? (
        <Section title="第一步：找到您的院落">
          {platform.canScan ? (
            <>
              <Button className="btn" type="primary" size="xlarge" block data-testid="join-scan" onClick={scan}>
                扫一扫院落二维码
              </Button>
              <Text className="join__or">或者输入院长给您的邀请码</Text>
            </>
          ) : null}
          <Field
            label="邀请码"
            value={codeInput}
            onChange={(v) => setCodeInput(v.toUpperCase())}
            placeholder="例如 ABCD234567"
            maxlength={20}
            testId="join-code-input"
          />
          <Button
            className="btn"
            type={platform.canScan ? 'default' : 'primary'}
            size="xlarge"
            block
            loading={lookupBusy}
            data-testid="join-code-submit"
            onClick={() => lookup(codeInput)}
          >
            下一步
          </Button>
          <ErrorNotice error={lookupError} testId="join-code-error" />
        </Section>
      ) : (
        <>
          <View className="join__courtyard" data-testid="join-courtyard">
            <Text className="muted">您要加入</Text>
            <Text className="join__courtyard-name">{preview.courtyard.name}</Text>
            <Text className="join__village">{preview.village.name}</Text>
            <Text
              className="join__change"
              data-testid="join-change-code"
              onClick={() => {
                setPreview(null)
                submit.setError(null)
              }}
            >
              不是这个院落？重新输入邀请码
            </Text>
          </View>

          <Section title="第二步：填写家庭信息">
            <Field label="姓名" value={name} onChange={setName} type="nickname" placeholder="请填写真实姓名" maxlength={20} testId="join-name" />
            <Field label="手机号" value={phone} onChange={setPhone} placeholder="11位手机号" type="number" maxlength={11} testId="join-phone" />
            <Field label="门牌号或户名" value={household} onChange={setHousehold} placeholder="例如 3组12号 或 张家" testId="join-household" />

            <Text className="join__label">家庭成员（可不填）</Text>
            {members.map((m, i) => (
              <View key={i} className="join__member" data-testid="join-member">
                <Field label={`成员${i + 1} 姓名`} value={m.name} onChange={(v) => setMember(i, { name: v })} maxlength={20} testId={`join-member-name-${i}`} />
                <Field
                  label="与您的关系"
                  value={m.relation}
                  onChange={(v) => setMember(i, { relation: v })}
                  placeholder="例如 配偶、儿子"
                  maxlength={10}
                  testId={`join-member-relation-${i}`}
                />
                <View className="chips">
                  {RELATIONS.map((r) => (
                    <Text key={r} className={`chip ${m.relation === r ? 'chip--on' : ''}`} onClick={() => setMember(i, { relation: r })}>
                      {r}
                    </Text>
                  ))}
                </View>
                <Button
                  className="btn btn-small"
                  size="large"
                  block
                  data-testid={`join-member-remove-${i}`}
                  onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}
                >
                  删除这位成员
                </Button>
              </View>
            ))}
            {members.length < 15 ? (
              <Button
                className="btn btn-small"
                size="large"
                block
                data-testid="join-member-add"
                onClick={() => setMembers((list) => [...list, { name: '', relation: '' }])}
              >
                ＋ 添加家庭成员
              </Button>
            ) : null}

            <Text className="join__label">需要特别关照（可多选）</Text>
            {FLAG_KEYS.map((k) => (
              <Toggle key={k} label={FLAG_LABELS[k]} checked={flags[k]} onChange={(v) => setFlags((f) => ({ ...f, [k]: v }))} testId={`join-flag-${k}`} />
            ))}
          </Section>

          <ErrorNotice error={formError ?? submit.error} testId="join-error" />
          <Button className="btn" type="primary" size="xlarge" block loading={submit.busy} data-testid="join-submit" onClick={onSubmit}>
            提交申请
          </Button>
        </>
      )}

      {mine && mine.length ? (
        <Section title="我的入院申请" testId="join-status">
          {mine.map((r) => (
            <View key={r.id} className="join__status" data-testid="join-status-item" data-state={r.state}>
              <View className="join__status-head">
                <Text className="join__status-name">{r.courtyard.name}</Text>
                <StateTag state={r.state} labels={JOIN_STATE_LABEL} types={JOIN_STATE_TAG} />
              </View>
              <Text className="muted">{`提交于 ${formatTime(r.createdAt)}`}</Text>
              {r.state === 'rejected' && r.reason ? <Text className="join__reason">{`原因：${r.reason}`}</Text> : null}
            </View>
          ))}
        </Section>
      ) : null}
    </View>
  )
}

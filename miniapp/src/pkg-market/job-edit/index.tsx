import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { createJob, getJob, submitJob, updateJob, type TJob, type TJobInput } from '../../api/market'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { jobPage, minePage } from '../../lib/market-routes'
import { formatFen, parseYuan } from '../../lib/money'
import { goToLogin } from '../../lib/navigation'
import { useAction } from '../../lib/use-action'
import { DateField } from '../components/date-field'
import { EMPLOYER_KEYS, EMPLOYER_KINDS, PAY_UNIT_KEYS, PAY_UNITS } from '../components/labels'
import { chinaToday, emptyJobForm, JOB_LIMITS, jobFormOf, jobInputOf, type TJobForm } from './form'
import '../components/market.scss'

/**
 * 我要招工 (no id) / 修改 (`?id=`): what the work is, who employs (个人/合作社/村集体), pay in 元
 * per 天/小时/件 (sent as fen), where, from when to when, how many people. Saved as a draft or
 * submitted to the content check and review, like 帮我卖.
 */
export default function JobEditPage() {
  const { params } = useRouter()
  const [jobId, setJobId] = useState<string | null>(params.id || null)
  const [original, setOriginal] = useState<TJob | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [form, setForm] = useState<TJobForm>(() => emptyJobForm())
  const [formError, setFormError] = useState<AppError | null>(null)
  const [result, setResult] = useState<TJob | null>(null)
  const [waiting, setWaiting] = useState(false)
  const busy = useRef(false)

  const save = useAction('job-save', (i: { id: string | null; input: TJobInput }, key: string) =>
    i.id ? updateJob(i.id, i.input, key) : createJob(i.input, key),
  )
  const submit = useAction('job-submit', (id: string, key: string) => submitJob(id, key))

  useEffect(() => {
    if (!getToken()) return goToLogin()
    if (!params.id) return
    getJob(params.id).then(
      (j) => {
        setOriginal(j)
        setForm(jobFormOf(j))
      },
      (err) => setLoadError(toAppError(err)),
    )
  }, [params.id])

  const set = <K extends keyof TJobForm>(k: K, v: TJobForm[K]) => setForm((f) => ({ ...f, [k]: v }))

  const persist = async (): Promise<TJob | null> => {
    const built = jobInputOf(form)
    if ('error' in built) {
      setFormError(built.error)
      return null
    }
    setFormError(null)
    const res = await save.run({ id: jobId, input: built.input })
    if (!res.ok) return null
    setJobId(res.value.id)
    setOriginal(res.value)
    return res.value
  }

  const guarded = async (work: () => Promise<void>) => {
    if (busy.current) return
    busy.current = true
    setWaiting(true)
    try {
      await work()
    } finally {
      busy.current = false
      setWaiting(false)
    }
  }

  const onSave = () =>
    guarded(async () => {
      if (await persist()) Taro.showToast({ title: '已保存草稿', icon: 'success', duration: 1500 })
    })

  const onSubmit = () =>
    guarded(async () => {
      const saved = await persist()
      if (!saved) return
      const res = await submit.run(saved.id)
      if (res.ok) {
        setOriginal(res.value)
        setResult(res.value)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      }
    })

  const pay = parseYuan(form.pay)
  const editable = !original || original.can.edit

  if (result) {
    const rejected = result.state === 'rejected'
    return (
      <View className='page mk-edit'>
        <View className='mk-card' data-testid='job-edit-result' data-state={result.state} data-id={result.id} data-check={result.contentCheck ?? ''}>
          <Text className='mk-card__title'>{rejected ? '没有通过内容检查' : '已提交审核'}</Text>
          {rejected ? (
            <Text className='mk-bad' data-testid='job-edit-result-reason'>
              {result.rejectReason ?? '内容可能不合适，请修改后重新提交'}
            </Text>
          ) : (
            <Text className='mk-good'>院长或村干部审核通过后，大家就能看到，有人报名会通知您。</Text>
          )}
          {!rejected && result.contentCheck === 'review' ? (
            <Text className='mk-warn' data-testid='job-edit-result-review'>
              需人工复核：内容要院长或村干部仔细看一看，会慢一点。
            </Text>
          ) : null}
        </View>
        {rejected ? (
          <Button className='btn' type='primary' size='xlarge' block data-testid='job-edit-again' onClick={() => setResult(null)}>
            修改后重新提交
          </Button>
        ) : null}
        <Button className='btn' size='xlarge' block data-testid='job-edit-view' onClick={() => Taro.redirectTo({ url: jobPage(result.id) })}>
          查看招工
        </Button>
        <Button className='btn' size='xlarge' block data-testid='job-edit-mine' onClick={() => Taro.redirectTo({ url: minePage('jobs') })}>
          我的招工
        </Button>
      </View>
    )
  }

  return (
    <View className='page mk-edit'>
      <ErrorNotice error={loadError} testId='job-edit-load-error' />
      <Text className='page-title'>{jobId ? '修改招工' : '我要招工'}</Text>
      <Text className='page-subtitle'>写清干什么活、工钱多少、在哪里、哪几天。审核后村里人就能报名。</Text>

      {!editable && original ? (
        <View data-testid='job-edit-locked'>
          <Text className='mk-warn'>审核中或已公开的招工不能修改，可以先结束再重新发布。</Text>
          <Button className='btn' size='xlarge' block onClick={() => Taro.redirectTo({ url: jobPage(original.id) })}>
            查看招工
          </Button>
        </View>
      ) : params.id && !original && !loadError ? (
        <Text className='muted'>正在加载…</Text>
      ) : params.id && loadError ? null : (
        <>
          {original?.state === 'rejected' && original.rejectReason ? (
            <Text className='mk-bad' data-testid='job-edit-reject-reason'>{`退回原因：${original.rejectReason}`}</Text>
          ) : null}

          <Field
            label='招什么工'
            value={form.title}
            onChange={(v) => set('title', v)}
            maxlength={JOB_LIMITS.title}
            placeholder='例如：摘茶叶、收玉米、搬砖'
            testId='job-title'
          />

          <Text className='mk-label'>谁招工</Text>
          <Tabs
            options={EMPLOYER_KEYS.map((k) => ({ value: k, label: EMPLOYER_KINDS[k] }))}
            value={form.employerKind}
            onChange={(v) => set('employerKind', v)}
            testId='job-employer'
          />
          <View className='gap' />
          <Field
            label={form.employerKind === 'villager' ? '招工人名称（可不填，默认您的名字）' : `${EMPLOYER_KINDS[form.employerKind]}名称`}
            value={form.employerName}
            onChange={(v) => set('employerName', v)}
            maxlength={JOB_LIMITS.employerName}
            placeholder={form.employerKind === 'cooperative' ? '例如：石坝蜂蜜合作社' : form.employerKind === 'village' ? '例如：石坝村村委会' : ''}
            testId='job-employer-name'
          />

          <Field
            label='工钱（元）'
            value={form.pay}
            onChange={(v) => set('pay', v)}
            type='digit'
            maxlength={10}
            placeholder='例如：150'
            testId='job-pay'
            hint={pay.ok && pay.fen > 0 ? `每${PAY_UNITS[form.payUnit]} ${formatFen(pay.fen)}` : undefined}
          />
          <Text className='mk-label'>按什么算</Text>
          <Tabs
            options={PAY_UNIT_KEYS.map((k) => ({ value: k, label: `按${PAY_UNITS[k]}` }))}
            value={form.payUnit}
            onChange={(v) => set('payUnit', v)}
            testId='job-pay-unit'
          />
          <View className='gap' />

          <Field
            label='在哪里干'
            value={form.place}
            onChange={(v) => set('place', v)}
            maxlength={JOB_LIMITS.place}
            placeholder='例如：石坝村二组茶园'
            testId='job-place'
          />
          <DateField label='哪天开始' value={form.startDate} start={chinaToday()} onChange={(v) => set('startDate', v)} testId='job-start' />
          <DateField label='哪天结束' value={form.endDate} start={form.startDate} onChange={(v) => set('endDate', v)} testId='job-end' />

          <Field
            label='要几个人'
            value={form.headcount}
            onChange={(v) => set('headcount', v)}
            type='number'
            maxlength={3}
            testId='job-headcount'
          />

          <Text className='mk-label'>说明（可不填）</Text>
          <Textarea
            className='mk-textarea'
            data-testid='job-description'
            value={form.description}
            maxlength={JOB_LIMITS.description}
            placeholder='几点开始、管不管饭、要带什么'
            onInput={(e) => set('description', e.detail.value)}
          />

          <ErrorNotice error={formError ?? save.error ?? submit.error} testId='job-edit-error' />
          <Button className='btn' type='primary' size='xlarge' block loading={waiting} data-testid='job-submit' onClick={() => void onSubmit()}>
            提交审核
          </Button>
          <Button className='btn' size='xlarge' block disabled={waiting} data-testid='job-save' onClick={() => void onSave()}>
            保存草稿
          </Button>
        </>
      )}
    </View>
  )
}

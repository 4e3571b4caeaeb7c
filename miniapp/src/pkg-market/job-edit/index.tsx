import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { createJob, getJob, submitJob, updateJob, type TJob, type TJobInput } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { Tabs } from '../../components/tabs'
import { jobPage, minePage } from '../../lib/market-routes'
import { formatFen, parseYuan } from '../../lib/money'
import { DateField } from '../components/date-field'
import { EditGate, EditResult } from '../components/edit-parts'
import { EMPLOYER_KEYS, EMPLOYER_KINDS, PAY_UNIT_KEYS, PAY_UNITS } from '../components/labels'
import { usePostEdit } from '../components/use-post-edit'
import { chinaToday, emptyJobForm, JOB_LIMITS, jobFormOf, jobInputOf, type TJobForm } from './form'
import '../components/market.scss'

/**
 * 我要招工 (no id) / 修改 (`?id=`): what the work is, who employs (个人/合作社/村集体), pay in 元
 * per 天/小时/件 (sent as fen), where, from when to when, how many people. Saved as a draft or
 * submitted to the content check and review, like 帮我卖.
 */
export default function JobEditPage() {
  const { params } = useRouter()
  const edit = usePostEdit<TJob, TJobForm, TJobInput>({
    name: 'job',
    id: params.id,
    initial: () => emptyJobForm(),
    load: getJob,
    formOf: jobFormOf,
    create: createJob,
    update: updateJob,
    submit: submitJob,
    build: jobInputOf,
  })
  const { form, set, original, result, waiting } = edit
  const pay = parseYuan(form.pay)

  if (result) {
    return (
      <EditResult
        testId="job-edit"
        result={result}
        goodText="院长或村干部审核通过后，大家就能看到，有人报名会通知您。"
        onAgain={edit.clearResult}
        view={{ label: '查看招工', url: jobPage(result.id) }}
        mine={{ label: '我的招工', url: minePage('jobs') }}
      />
    )
  }

  return (
    <View className="page mk-edit">
      <ErrorNotice error={edit.loadError} testId="job-edit-load-error" />
      <Text className="page-title">{edit.postId ? '修改招工' : '我要招工'}</Text>
      <Text className="page-subtitle">写清干什么活、工钱多少、在哪里、哪几天。审核后村里人就能报名。</Text>

      <EditGate
        testId="job-edit"
        id={params.id}
        original={original}
        loadError={edit.loadError}
        lockedText="审核中或已公开的招工不能修改，可以先结束再重新发布。"
        view={{ label: '查看招工', url: jobPage }}
      >
        <Field
          label="招什么工"
          value={form.title}
          onChange={(v) => set('title', v)}
          maxlength={JOB_LIMITS.title}
          placeholder="例如：摘茶叶、收玉米、搬砖"
          testId="job-title"
        />

        <Text className="mk-label">谁招工</Text>
        <Tabs
          options={EMPLOYER_KEYS.map((k) => ({ value: k, label: EMPLOYER_KINDS[k] }))}
          value={form.employerKind}
          onChange={(v) => set('employerKind', v)}
          testId="job-employer"
        />
        <View className="gap" />
        <Field
          label={form.employerKind === 'villager' ? '招工人名称（可不填，默认您的名字）' : `${EMPLOYER_KINDS[form.employerKind]}名称`}
          value={form.employerName}
          onChange={(v) => set('employerName', v)}
          maxlength={JOB_LIMITS.employerName}
          placeholder={form.employerKind === 'cooperative' ? '例如：石坝蜂蜜合作社' : form.employerKind === 'village' ? '例如：石坝村村委会' : ''}
          testId="job-employer-name"
        />

        <Field
          label="工钱（元）"
          value={form.pay}
          onChange={(v) => set('pay', v)}
          type="digit"
          maxlength={10}
          placeholder="例如：150"
          testId="job-pay"
          hint={pay.ok && pay.fen > 0 ? `每${PAY_UNITS[form.payUnit]} ${formatFen(pay.fen)}` : undefined}
        />
        <Text className="mk-label">按什么算</Text>
        <Tabs
          options={PAY_UNIT_KEYS.map((k) => ({ value: k, label: `按${PAY_UNITS[k]}` }))}
          value={form.payUnit}
          onChange={(v) => set('payUnit', v)}
          testId="job-pay-unit"
        />
        <View className="gap" />

        <Field
          label="在哪里干"
          value={form.place}
          onChange={(v) => set('place', v)}
          maxlength={JOB_LIMITS.place}
          placeholder="例如：石坝村二组茶园"
          testId="job-place"
        />
        <DateField label="哪天开始" value={form.startDate} start={chinaToday()} onChange={(v) => set('startDate', v)} testId="job-start" />
        <DateField label="哪天结束" value={form.endDate} start={form.startDate} onChange={(v) => set('endDate', v)} testId="job-end" />

        <Field label="要几个人" value={form.headcount} onChange={(v) => set('headcount', v)} type="number" maxlength={3} testId="job-headcount" />

        <Text className="mk-label">说明（可不填）</Text>
        <Textarea
          className="mk-textarea"
          data-testid="job-description"
          value={form.description}
          maxlength={JOB_LIMITS.description}
          placeholder="几点开始、管不管饭、要带什么"
          onInput={(e) => set('description', e.detail.value)}
        />

        <ErrorNotice error={edit.error} testId="job-edit-error" />
        <Button className="btn" type="primary" size="xlarge" block loading={waiting} data-testid="job-submit" onClick={() => void edit.onSubmit()}>
          提交审核
        </Button>
        <Button className="btn" size="xlarge" block disabled={waiting} data-testid="job-save" onClick={() => void edit.onSave()}>
          保存草稿
        </Button>
      </EditGate>
    </View>
  )
}

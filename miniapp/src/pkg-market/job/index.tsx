import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { applyJob, closeJob, getJob, jobApplications, myApplications, submitJob, withdrawApplication, type TApplication, type TJob } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { jobEditPage, minePage } from '../../lib/market-routes'
import { openPage } from '../../lib/navigation'
import { useAction } from '../../lib/use-action'
import { useDetail } from '../../lib/use-detail'
import { APPLICATION_STATES, APPLICATION_TAG, datesText, employerText, JOB_STATES, payText, POST_TAG } from '../components/labels'
import { CheckFlag, OwnerButtons, postAnswer, PostNotes, submitToast } from '../components/post-parts'
import { ReviewActions } from '../components/review-actions'
import { WorkRecord } from '../components/work-record'
import { JobApplications } from './applications'
import { StateTag } from '../../components/state-tag'
import '../components/market.scss'

const NOTE_MAX = 200

/**
 * 招工详情: the work, pay, place, dates and how many are wanted. Villagers 报名 (with a note);
 * the poster sees who applied (with phones) and 录用/婉拒s them; hired workers and the poster
 * each confirm the 工作记录. Reviewers 通过/退回; the poster 修改, 提交审核, 结束招工.
 */
export default function JobPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [applications, setApplications] = useState<TApplication[] | null>(null)
  const [mineApp, setMineApp] = useState<TApplication | null>(null)
  const [note, setNote] = useState('')
  const {
    item: job,
    setItem: setJob,
    error,
    load,
  } = useDetail({
    id,
    notFound: '没有找到这个招工',
    get: getJob,
    side: async (j, current) => {
      if (j.mine) {
        const res = await jobApplications(j.id)
        if (current()) setApplications(res.items)
      } else {
        const res = await myApplications()
        if (current()) setMineApp(res.items.find((a) => a.job.id === j.id && a.state !== 'withdrawn') ?? null)
      }
    },
  })

  const apply = useAction('apply-job', (i: { id: string; note: string }, key: string) => applyJob(i.id, i.note, key))
  const withdraw = useAction('withdraw-application', (appId: string, key: string) => withdrawApplication(appId, key))
  const submit = useAction('job-submit', (jobId: string, key: string) => submitJob(jobId, key))
  const close = useAction('job-close', (jobId: string, key: string) => closeJob(jobId, key))
  const actions = [apply, withdraw, submit, close]
  const busy = actions.some((a) => a.busy)
  const actionError = actions.find((a) => a.error)?.error ?? null

  const after = postAnswer<TJob>({ setItem: setJob, load })

  const onApply = async (j: TJob) => {
    const n = note.trim()
    if (n.length > NOTE_MAX) return apply.setError(new AppError('VALIDATION_FAILED', { message: `留言不超过${NOTE_MAX}字` }))
    const res = await apply.run({ id: j.id, note: n })
    if (res.ok) {
      setMineApp(res.value)
      setNote('')
      Taro.showToast({ title: '已报名，等对方回复', icon: 'none', duration: 2000 })
      void load()
    } else if ('error' in res && res.error.status === 409) {
      void load()
    }
  }

  const onWithdraw = async (a: TApplication) => {
    const answer = await Taro.showModal({ title: '撤回报名', content: '撤回后招工方就看不到您的报名了。确定吗？', confirmText: '撤回', cancelText: '不撤回' })
    if (!answer.confirm) return
    const res = await withdraw.run(a.id)
    if (res.ok) {
      setMineApp(null)
      void load()
    }
  }

  const onClose = async (j: TJob) => {
    const answer = await Taro.showModal({ title: '结束招工', content: '结束后大家就看不到这个招工了。确定吗？', confirmText: '结束', cancelText: '再想想' })
    if (answer.confirm) after(await close.run(j.id), '招工已结束')
  }

  const onSubmit = async (j: TJob) => {
    const res = await submit.run(j.id)
    after(res, submitToast(res))
  }

  const onAppChanged = (a: TApplication, toast?: string) => {
    setApplications((list) => (list ?? []).map((x) => (x.id === a.id ? a : x)))
    if (toast) Taro.showToast({ title: toast, icon: 'none', duration: 1500 })
    void load() // 已录用 count, 已招满
  }

  const j = job

  return (
    <View className="page mk-job">
      <ErrorNotice error={error} testId="job-error" />
      {!j && !error ? <Text className="muted">正在加载…</Text> : null}

      {j ? (
        <>
          <View className="mk-card" data-testid="job-detail" data-id={j.id} data-state={j.state}>
            <View className="mk-card__tags">
              <View data-testid="job-state" data-state={j.state}>
                <StateTag state={j.state} labels={JOB_STATES} types={POST_TAG} />
              </View>
              {j.mine || j.can.review ? <CheckFlag check={j.contentCheck} testId="job-content-check" /> : null}
            </View>
            <Text className="mk-card__title" data-testid="job-title-view">
              {j.title}
            </Text>
            <Text className="mk-card__price" data-testid="job-pay-view">
              {payText(j)}
            </Text>
            <Text className="mk-card__line">{`地点：${j.place}`}</Text>
            <Text className="mk-card__line" data-testid="job-dates">{`时间：${datesText(j)}`}</Text>
            <Text className="mk-card__line" data-testid="job-headcount-view">{`招 ${j.headcount} 人，已录用 ${j.accepted} 人`}</Text>
            <Text className="mk-card__line">{`招工方：${employerText(j)} · ${j.village.name}`}</Text>
            {j.description ? <Text className="mk-card__text">{j.description}</Text> : null}
            <Text className="mk-card__line muted">{`发布于 ${formatTime(j.publishedAt ?? j.createdAt)}`}</Text>
            <PostNotes kind="job" post={j} />
          </View>

          <ErrorNotice error={actionError} testId="job-action-error" />

          {j.can.review ? (
            <ReviewActions
              kind="job"
              post={j}
              onChanged={(x) => after({ ok: true, value: x }, x.state === 'published' ? '已通过' : '已退回')}
              onConflict={() => void load()}
            />
          ) : null}

          <OwnerButtons kind="job" post={j} busy={busy} submitting={submit.busy} onEdit={() => openPage(jobEditPage(j.id))} onSubmit={() => void onSubmit(j)} />

          {mineApp ? (
            <View className="mk-entry" data-testid="job-my-application" data-id={mineApp.id} data-state={mineApp.state}>
              <View className="mk-entry__head">
                <Text className="mk-entry__title">我的报名</Text>
                <StateTag state={mineApp.state} labels={APPLICATION_STATES} types={APPLICATION_TAG} />
              </View>
              {mineApp.state === 'applied' ? (
                <Button
                  className="btn btn-small"
                  size="large"
                  block
                  loading={withdraw.busy}
                  data-testid="job-withdraw"
                  onClick={() => void onWithdraw(mineApp)}
                >
                  撤回报名
                </Button>
              ) : null}
              {mineApp.state === 'accepted' ? <WorkRecord application={mineApp} side="worker" onSaved={setMineApp} /> : null}
            </View>
          ) : j.can.apply ? (
            <View className="mk-panel" data-testid="job-apply-form">
              <Text className="mk-panel__title">我要报名</Text>
              <Textarea
                className="mk-textarea"
                data-testid="job-apply-note"
                value={note}
                maxlength={NOTE_MAX}
                placeholder="留言（可不填）：比如干过这活、哪几天有空"
                onInput={(e) => setNote(e.detail.value)}
              />
              <Button className="btn" type="primary" size="xlarge" block loading={apply.busy} data-testid="job-apply" onClick={() => void onApply(j)}>
                报名
              </Button>
              <Text className="muted">招工方会看到您的名字和电话，录用后会通知您。</Text>
            </View>
          ) : null}

          {j.mine ? <JobApplications items={applications} onChanged={onAppChanged} onConflict={() => void load()} /> : null}

          {j.can.close ? (
            <Button className="btn" size="large" block loading={close.busy} disabled={busy} data-testid="job-close" onClick={() => void onClose(j)}>
              结束招工
            </Button>
          ) : null}

          {j.mine ? (
            <Text className="mk-link" data-testid="job-to-mine" onClick={() => openPage(minePage('jobs'))}>
              我的招工 ›
            </Text>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

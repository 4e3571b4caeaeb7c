import { View } from '@tarojs/components'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { reviewJob, reviewListing, type TJob, type TListing, type TReviewDecision } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { useAction, type TActionResult } from '../../lib/use-action'
import { ReasonPanel } from './reason-panel'

const REASON_MAX = 200
/** Reasons heads give most often: one tap instead of typing. */
const QUICK_REASONS = ['照片看不清，请重新拍', '价格或数量写得不清楚', '不是自家产的东西', '内容不合适']

type TProps =
  | { kind: 'listing'; post: TListing; onChanged: (p: TListing) => void; onConflict?: () => void; testId?: string }
  | { kind: 'job'; post: TJob; onChanged: (p: TJob) => void; onConflict?: () => void; testId?: string }

/**
 * 审核 (院长, 村干部): 通过 makes the post public at once; 退回 needs a reason the poster reads
 * before editing and resubmitting. A 409 means someone else reviewed it meanwhile.
 */
export function ReviewActions(props: TProps) {
  const { post, testId = 'review' } = props
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<AppError | null>(null)
  const action = useAction(`review-${props.kind}`, (i: { id: string; decision: TReviewDecision }, key: string): Promise<TListing | TJob> =>
    props.kind === 'listing' ? reviewListing(i.id, i.decision, key) : reviewJob(i.id, i.decision, key),
  )

  const after = (res: TActionResult<TListing | TJob>) => {
    if (res.ok) {
      setOpen(false)
      setReason('')
      // the kind decides which endpoint answered, so the answer is of that kind
      ;(props.onChanged as (p: TListing | TJob) => void)(res.value)
    } else if ('error' in res && res.error.status === 409) {
      props.onConflict?.()
    }
  }

  const onApprove = async () => {
    setFormError(null)
    after(await action.run({ id: post.id, decision: { decision: 'approve' } }))
  }

  const onReject = async () => {
    const r = reason.trim()
    const problem = !r
      ? new AppError('VALIDATION_FAILED', { message: '请写明退回原因，发布人会看到' })
      : r.length > REASON_MAX
        ? new AppError('VALIDATION_FAILED', { message: `不超过${REASON_MAX}字` })
        : null
    setFormError(problem)
    if (!problem) after(await action.run({ id: post.id, decision: { decision: 'reject', reason: r } }))
  }

  return (
    <View className="mk-review" data-testid={testId} data-id={post.id}>
      <View className="mk-row-buttons">
        <View className="mk-cell">
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={action.busy && !open}
            disabled={action.busy}
            data-testid={`${testId}-approve`}
            onClick={() => void onApprove()}
          >
            通过
          </Button>
        </View>
        <View className="mk-cell">
          <Button
            className="btn"
            size="xlarge"
            block
            disabled={action.busy}
            data-testid={`${testId}-reject-open`}
            onClick={() => {
              setOpen(!open)
              setFormError(null)
              action.setError(null)
            }}
          >
            退回
          </Button>
        </View>
      </View>
      {open ? (
        <ReasonPanel
          title="退回原因"
          quickReasons={QUICK_REASONS}
          reason={reason}
          onReason={setReason}
          maxLength={REASON_MAX}
          placeholder="写明哪里要改，发布人会看到"
          busy={action.busy}
          confirmText="确认退回"
          onConfirm={() => void onReject()}
          testIds={{ panel: `${testId}-reject-panel`, quick: `${testId}-reason`, text: `${testId}-reject-reason`, confirm: `${testId}-reject-submit` }}
        />
      ) : null}
      <ErrorNotice error={formError ?? action.error} testId={`${testId}-error`} />
    </View>
  )
}

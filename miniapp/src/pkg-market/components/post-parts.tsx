import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TJob, TListing } from '../../api/market'
import { Button, Tag } from '../../components/nut'
import type { TActionResult } from '../../lib/use-action'
import { contentCheckText, POST_STATE_HINT } from './labels'

// What a listing's page and a job's page do alike: both are posts with a review, a content
// check, an owner who edits and submits them, and the same answer to a write.

type TPost = TListing | TJob
type TKind = 'listing' | 'job'

/** WeChat's content check flag (`<testId>`, data-check), shown only when there is something to say. */
export function CheckFlag({ check, testId }: { check: TPost['contentCheck']; testId: string }) {
  const text = contentCheckText(check)
  return text ? (
    <View data-testid={testId} data-check={check ?? ''}>
      <Tag type={check === 'risky' ? 'danger' : 'warning'}>{text}</Tag>
    </View>
  ) : null
}

/** Under a post: what its state means to the owner, and why a reviewer sent it back. */
export function PostNotes({ kind, post }: { kind: TKind; post: TPost }) {
  const hint = post.mine ? POST_STATE_HINT[post.state] : undefined
  return (
    <>
      {hint ? (
        <Text className="mk-warn" data-testid={kind === 'listing' ? 'listing-state-hint' : undefined}>
          {hint}
        </Text>
      ) : null}
      {post.rejectReason && (post.state === 'rejected' || post.mine) ? (
        <Text className="mk-bad" data-testid={`${kind}-reject-reason`}>{`退回原因：${post.rejectReason}`}</Text>
      ) : null}
    </>
  )
}

/** The owner's 修改 and 提交审核, as the server allows them (`can`). */
export function OwnerButtons({
  kind,
  post,
  busy,
  submitting,
  onEdit,
  onSubmit,
}: {
  kind: TKind
  post: TPost
  busy: boolean
  submitting: boolean
  onEdit: () => void
  onSubmit: () => void
}) {
  return (
    <>
      {post.can.edit ? (
        <Button className="btn" size="xlarge" block disabled={busy} data-testid={`${kind}-edit`} onClick={onEdit}>
          修改
        </Button>
      ) : null}
      {post.can.submit ? (
        <Button
          className="btn"
          type="primary"
          size="xlarge"
          block
          loading={submitting}
          disabled={busy}
          data-testid={`${kind}-detail-submit`}
          onClick={onSubmit}
        >
          提交审核
        </Button>
      ) : null}
    </>
  )
}

/**
 * A write's answer on a post's page: the new post with a toast, or — when someone else changed
 * it first (409) — the post loaded again. `submitToast` tells 已提交审核 from a failed content check.
 */
export function postAnswer<T extends TPost>(opts: { setItem: (p: T) => void; load: () => unknown; then?: (p: T) => unknown }) {
  return (res: TActionResult<T>, toast: string) => {
    if (res.ok) {
      opts.setItem(res.value)
      Taro.showToast({ title: toast, icon: 'none', duration: 1500 })
      void opts.then?.(res.value)
    } else if ('error' in res && res.error.status === 409) {
      void opts.load()
    }
  }
}

export const submitToast = (res: TActionResult<TPost>) => (res.ok && res.value.state === 'rejected' ? '未通过内容检查' : '已提交审核')

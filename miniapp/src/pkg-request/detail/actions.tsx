import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import {
  acceptRequest,
  confirmRequest,
  reopenRequest,
  resolveRequest,
  setRequestLevel,
  withdrawRequest,
  type TConfirmInput,
  type TLevelInput,
  type TRequestDetail,
} from '../../api/requests'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { useAction, type TActionResult } from '../../lib/use-action'
import { LEVEL_HINTS, LEVEL_KEYS, levelMoveLabel, REQUEST_LEVELS, type TRequestLevel } from '../components/labels'

type TPanel = 'resolve' | 'level' | 'confirm' | 'reopen' | null

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const NOTE_MAX = 500

/** Said under a 409: someone else moved the request meanwhile; the page now shows where it is. */
const CONFLICT_HINT = '页面已更新为最新状态，请再看一看。'

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/**
 * The buttons the server allows now (`can` in the detail), each with its small form:
 * 受理; 办结 with what was done; 定性/升级 to 私事/小事/大事/难事 (up is 吹哨到村 / 报到镇街);
 * 确认办结并评价 with 1–5 stars; 不满意，重新打开 with a reason; 撤回.
 */
export function RequestActions({
  detail: d,
  onChanged,
  onConflict,
}: {
  detail: TRequestDetail
  /** the server's new detail after an action */
  onChanged: (d: TRequestDetail, toast: string) => void
  /** a 409: reload, the request moved on elsewhere */
  onConflict: () => void
}) {
  const [panel, setPanel] = useState<TPanel>(null)
  const [note, setNote] = useState('')
  const [level, setLevel] = useState<TRequestLevel>(d.level)
  const [stars, setStars] = useState(0)
  const [formError, setFormError] = useState<AppError | null>(null)

  const accept = useAction('request-accept', (id: string, key: string) => acceptRequest(id, {}, key))
  const resolve = useAction('request-resolve', (i: { id: string; note: string }, key: string) => resolveRequest(i.id, { note: i.note }, key))
  const move = useAction('request-level', (i: { id: string; body: TLevelInput }, key: string) => setRequestLevel(i.id, i.body, key))
  const confirm = useAction('request-confirm', (i: { id: string; body: TConfirmInput }, key: string) => confirmRequest(i.id, i.body, key))
  const reopen = useAction('request-reopen', (i: { id: string; reason: string }, key: string) => reopenRequest(i.id, { reason: i.reason }, key))
  const withdraw = useAction('request-withdraw', (id: string, key: string) => withdrawRequest(id, {}, key))
  const all = [accept, resolve, move, confirm, reopen, withdraw]
  const busy = all.some((a) => a.busy)
  const error = formError ?? all.find((a) => a.error)?.error ?? null

  const open = (p: TPanel) => {
    setPanel(panel === p ? null : p)
    setNote('')
    setStars(0)
    setLevel(d.level)
    setFormError(null)
    all.forEach((a) => a.setError(null))
  }

  const after = (res: TActionResult<TRequestDetail>, toast: string) => {
    if (res.ok) {
      setPanel(null)
      setNote('')
      onChanged(res.value, toast)
    } else if ('error' in res && res.error.status === 409) {
      onConflict()
    }
  }

  const trimmed = note.trim()
  const tooLong = trimmed.length > NOTE_MAX ? invalid(`不超过${NOTE_MAX}字`) : null

  const onAccept = async () => after(await accept.run(d.id), '已受理')

  const onResolve = async () => {
    const problem = !trimmed ? invalid('请写明处理结果') : tooLong
    setFormError(problem)
    if (!problem) after(await resolve.run({ id: d.id, note: trimmed }), '已办结')
  }

  const onLevel = async () => {
    const problem = level === d.level ? invalid('请选择新的事情大小') : tooLong
    setFormError(problem)
    if (problem) return
    const body: TLevelInput = trimmed ? { level, note: trimmed } : { level }
    after(await move.run({ id: d.id, body }), levelMoveLabel(d, level))
  }

  const onConfirm = async () => {
    const problem = stars < 1 ? invalid('请点星星打分') : tooLong
    setFormError(problem)
    if (problem) return
    const body: TConfirmInput = trimmed ? { rating: stars, comment: trimmed } : { rating: stars }
    after(await confirm.run({ id: d.id, body }), '谢谢您的评价')
  }

  const onReopen = async () => {
    const problem = !trimmed ? invalid('请说明哪里不满意') : tooLong
    setFormError(problem)
    if (!problem) after(await reopen.run({ id: d.id, reason: trimmed }), '已重新打开')
  }

  const onWithdraw = async () => {
    const answer = await Taro.showModal({
      title: '撤回事项',
      content: '撤回后院长就不用处理这件事了。确定撤回吗？',
      confirmText: '撤回',
      cancelText: '不撤回',
    })
    if (answer.confirm) after(await withdraw.run(d.id), '已撤回')
  }

  const noteBox = (testId: string, placeholder: string) => (
    <Textarea
      className="req-textarea req-textarea--short"
      data-testid={testId}
      value={note}
      maxlength={NOTE_MAX}
      placeholder={placeholder}
      onInput={(e) => setNote(e.detail.value)}
    />
  )

  const c = d.can
  const any = c.accept || c.resolve || c.setLevel || c.confirm || c.reopen || c.withdraw
  if (!any) return <ErrorNotice error={error} testId="request-action-error" />

  return (
    <View className="req-actions" data-testid="request-actions">
      <ErrorNotice error={error} testId="request-action-error" hints={{ ...conflictHints }} />

      {c.accept ? (
        <Button
          className="btn"
          type="primary"
          size="xlarge"
          block
          loading={accept.busy}
          disabled={busy}
          data-testid="request-accept"
          onClick={() => void onAccept()}
        >
          受理
        </Button>
      ) : null}

      {c.confirm ? (
        <Button className="btn" type="primary" size="xlarge" block disabled={busy} data-testid="request-confirm-open" onClick={() => open('confirm')}>
          确认办结并评价
        </Button>
      ) : null}
      {panel === 'confirm' ? (
        <View className="req-panel" data-testid="request-confirm-panel">
          <Text className="req-panel__title">办得怎么样？</Text>
          <View className="req-stars" data-testid="request-stars" data-value={String(stars)}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Text key={n} className={`req-star ${n <= stars ? 'req-star--on' : ''}`} data-testid={`request-star-${n}`} onClick={() => setStars(n)}>
                ★
              </Text>
            ))}
          </View>
          <Text className="req-stars__text">{stars ? STAR_WORDS[stars] : '点星星打分，5 颗星最满意'}</Text>
          {noteBox('request-confirm-comment', '还想说点什么（可不填）')}
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={confirm.busy}
            data-testid="request-confirm-submit"
            onClick={() => void onConfirm()}
          >
            确认办结
          </Button>
        </View>
      ) : null}

      {c.resolve ? (
        <Button className="btn" type="primary" size="xlarge" block disabled={busy} data-testid="request-resolve-open" onClick={() => open('resolve')}>
          办结
        </Button>
      ) : null}
      {panel === 'resolve' ? (
        <View className="req-panel" data-testid="request-resolve-panel">
          <Text className="req-panel__title">怎么处理的？</Text>
          {noteBox('request-resolve-note', '写明处理结果或给的建议，反映人会看到')}
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={resolve.busy}
            data-testid="request-resolve-submit"
            onClick={() => void onResolve()}
          >
            确认办结
          </Button>
        </View>
      ) : null}

      {c.setLevel ? (
        <Button className="btn" size="xlarge" block disabled={busy} data-testid="request-level-open" onClick={() => open('level')}>
          判断事情大小 / 转给上级
        </Button>
      ) : null}
      {panel === 'level' ? (
        <View className="req-panel" data-testid="request-level-panel">
          <Text className="req-panel__title">{`现在是「${REQUEST_LEVELS[d.level]}」，改为：`}</Text>
          <View className="req-levels">
            {LEVEL_KEYS.map((l) => (
              <View
                key={l}
                className={`req-level ${l === level ? 'req-level--on' : ''} ${l === d.level ? 'req-level--current' : ''}`}
                data-testid={`request-level-${l}`}
                data-on={l === level ? 'true' : 'false'}
                onClick={() => setLevel(l)}
              >
                <Text className="req-level__name">{REQUEST_LEVELS[l]}</Text>
                <Text className="req-level__hint">{l === d.level ? `${LEVEL_HINTS[l]}（现在）` : LEVEL_HINTS[l]}</Text>
              </View>
            ))}
          </View>
          {noteBox('request-level-note', '说明原因（可不填），接手的人会看到')}
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={move.busy}
            disabled={level === d.level}
            data-testid="request-level-submit"
            onClick={() => void onLevel()}
          >
            {levelMoveLabel(d, level)}
          </Button>
        </View>
      ) : null}

      {c.reopen ? (
        <Button className="btn" size="xlarge" block disabled={busy} data-testid="request-reopen-open" onClick={() => open('reopen')}>
          不满意，重新打开
        </Button>
      ) : null}
      {c.reopen && d.reopenUntil ? <Text className="muted">{`${formatTime(d.reopenUntil)}前可以重新打开`}</Text> : null}
      {panel === 'reopen' ? (
        <View className="req-panel" data-testid="request-reopen-panel">
          <Text className="req-panel__title">哪里不满意？</Text>
          {noteBox('request-reopen-reason', '说明原因，院长会重新处理')}
          <Button className="btn" type="primary" size="xlarge" block loading={reopen.busy} data-testid="request-reopen-submit" onClick={() => void onReopen()}>
            重新打开
          </Button>
        </View>
      ) : null}

      {c.withdraw ? (
        <Button className="btn" size="xlarge" block loading={withdraw.busy} disabled={busy} data-testid="request-withdraw" onClick={() => void onWithdraw()}>
          撤回
        </Button>
      ) : null}
    </View>
  )
}

const conflictHints = {
  REQUEST_NOT_WAITING: CONFLICT_HINT,
  REQUEST_NOT_ACCEPTED: CONFLICT_HINT,
  REQUEST_NOT_RESOLVED: CONFLICT_HINT,
  REQUEST_ALREADY_TAKEN: CONFLICT_HINT,
  REQUEST_CLOSED: CONFLICT_HINT,
} as const

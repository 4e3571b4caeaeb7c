import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { Button } from '../../components/nut'

type TEditedPost = { id: string; state: string; contentCheck: string | null; rejectReason: string | null; can: { edit: boolean } }

/** Where a submitted post landed: 审核中 (maybe 需人工复核) or 未通过 with the reason, and where to go next. */
export function EditResult({
  testId,
  result,
  goodText,
  onAgain,
  view,
  mine,
}: {
  /** 'listing-edit' → listing-edit-result, listing-edit-again, … */
  testId: string
  result: TEditedPost
  goodText: string
  onAgain: () => void
  view: { label: string; url: string }
  mine: { label: string; url: string }
}) {
  const rejected = result.state === 'rejected'
  return (
    <View className="page mk-edit">
      <View className="mk-card" data-testid={`${testId}-result`} data-state={result.state} data-id={result.id} data-check={result.contentCheck ?? ''}>
        <Text className="mk-card__title">{rejected ? '没有通过内容检查' : '已提交审核'}</Text>
        {rejected ? (
          <Text className="mk-bad" data-testid={`${testId}-result-reason`}>
            {result.rejectReason ?? '内容可能不合适，请修改后重新提交'}
          </Text>
        ) : (
          <Text className="mk-good">{goodText}</Text>
        )}
        {!rejected && result.contentCheck === 'review' ? (
          <Text className="mk-warn" data-testid={`${testId}-result-review`}>
            需人工复核：内容要院长或村干部仔细看一看，会慢一点。
          </Text>
        ) : null}
      </View>
      {rejected ? (
        <Button className="btn" type="primary" size="xlarge" block data-testid={`${testId}-again`} onClick={onAgain}>
          修改后重新提交
        </Button>
      ) : null}
      <Button className="btn" size="xlarge" block data-testid={`${testId}-view`} onClick={() => Taro.redirectTo({ url: view.url })}>
        {view.label}
      </Button>
      <Button className="btn" size="xlarge" block data-testid={`${testId}-mine`} onClick={() => Taro.redirectTo({ url: mine.url })}>
        {mine.label}
      </Button>
    </View>
  )
}

/**
 * The form, or why not: locked (审核中/已公开 cannot be changed), still loading, or failed to
 * load (the notice above says so); a 退回原因 stands above the form.
 */
export function EditGate({
  testId,
  id,
  original,
  loadError,
  lockedText,
  view,
  children,
}: {
  testId: string
  id: string | undefined
  original: TEditedPost | null
  loadError: unknown
  lockedText: string
  view: { label: string; url: (id: string) => string }
  children: ReactNode
}) {
  if (original && !original.can.edit) {
    return (
      <View data-testid={`${testId}-locked`}>
        <Text className="mk-warn">{lockedText}</Text>
        <Button className="btn" size="xlarge" block onClick={() => Taro.redirectTo({ url: view.url(original.id) })}>
          {view.label}
        </Button>
      </View>
    )
  }
  if (id && !original && !loadError) return <Text className="muted">正在加载…</Text>
  if (id && loadError) return null
  return (
    <>
      {original?.state === 'rejected' && original.rejectReason ? (
        <Text className="mk-bad" data-testid={`${testId}-reject-reason`}>{`退回原因：${original.rejectReason}`}</Text>
      ) : null}
      {children}
    </>
  )
}

/** A chip choice (品类, 单位) that says its value in `data-value` for tests. */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: { value: T; label: string }[]
  value: T | null
  onChange: (value: T) => void
  testId: string
}) {
  return (
    <View className="chips" data-testid={testId} data-value={value ?? ''}>
      {options.map((o) => (
        <Text
          key={o.value}
          className={`chip ${value === o.value ? 'chip--on' : ''}`}
          data-testid={`${testId}-${o.value}`}
          data-on={value === o.value ? 'true' : 'false'}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </Text>
      ))}
    </View>
  )
}

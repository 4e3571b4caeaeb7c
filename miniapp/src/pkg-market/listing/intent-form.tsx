import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { createIntent, type TIntent, type TIntentInput, type TListing } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { formatFen } from '../../lib/money'
import { useAction } from '../../lib/use-action'

const NOTE_MAX = 200
const PHONE = /^1[3-9]\d{9}$/

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/** What is wrong with the intent before it goes (the server checks again). */
export function checkIntent(quantityText: string, phone: string, note: string, left: number): AppError | null {
  const q = quantityText.trim()
  if (!/^\d+$/.test(q) || Number(q) < 1) return invalid('请填写要几份（整数，至少1）')
  if (Number(q) > left) return invalid(`剩余数量不够，最多还能要 ${left}`)
  if (!PHONE.test(phone.trim())) return invalid('请输入11位手机号，卖家用它联系您')
  if (note.trim().length > NOTE_MAX) return invalid(`留言不超过${NOTE_MAX}字`)
  return null
}

/**
 * 我想要: how many, a phone the seller can call, a note. The seller is told at once and answers;
 * the seller's phone shows in 我的意向 once they accept. A 409 (not enough left, no longer on
 * sale) reloads the listing so the person sees what is left.
 */
export function IntentForm({
  listing: l,
  defaultPhone,
  onSent,
  onConflict,
}: {
  listing: TListing
  defaultPhone: string | null | undefined
  onSent: (intent: TIntent) => void
  onConflict: () => void
}) {
  const [quantity, setQuantity] = useState('1')
  const [phone, setPhone] = useState(defaultPhone ?? '')
  const [note, setNote] = useState('')
  const [formError, setFormError] = useState<AppError | null>(null)
  const send = useAction('create-intent', (input: TIntentInput, key: string) => createIntent(l.id, input, key))

  const n = /^\d+$/.test(quantity.trim()) ? Number(quantity.trim()) : 0

  const onSubmit = async () => {
    const problem = checkIntent(quantity, phone, note, l.quantity)
    setFormError(problem)
    if (problem) return
    const res = await send.run({ quantity: n, phone: phone.trim(), note: note.trim() })
    if (res.ok) onSent(res.value)
    else if ('error' in res && res.error.status === 409) onConflict()
  }

  return (
    <View className="mk-panel" data-testid="intent-form">
      <Text className="mk-panel__title">我想要</Text>
      <Field
        label={`要多少（${l.unit}，还剩 ${l.quantity}${l.unit}）`}
        value={quantity}
        onChange={setQuantity}
        type="number"
        maxlength={7}
        testId="intent-quantity"
        hint={n > 0 ? `约 ${formatFen(n * l.priceFen)}，当面和卖家商量付款` : undefined}
      />
      <Field label="您的手机号" value={phone} onChange={setPhone} type="number" maxlength={11} placeholder="卖家用它联系您" testId="intent-phone" />
      <Text className="mk-label">留言（可不填）</Text>
      <Textarea
        className="mk-textarea"
        data-testid="intent-note"
        value={note}
        maxlength={NOTE_MAX}
        placeholder="例如：什么时候来取、要不要送"
        onInput={(e) => setNote(e.detail.value)}
      />
      <ErrorNotice error={formError ?? send.error} testId="intent-error" />
      <Button className="btn" type="primary" size="xlarge" block loading={send.busy} data-testid="intent-submit" onClick={() => void onSubmit()}>
        发给卖家
      </Button>
      <Text className="muted">卖家接受后，您在「我的意向」里能看到卖家的电话。</Text>
    </View>
  )
}

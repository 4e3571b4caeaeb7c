import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { confirmWork, type TApplication, type TWorkInput } from '../../api/market'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { formatTime } from '../../lib/format'
import { fenToInput, formatFen, parseYuan } from '../../lib/money'
import { useAction } from '../../lib/use-action'
import { daysText, PAY_UNITS } from './labels'
import { Stepper } from './stepper'

type TSide = 'worker' | 'poster'
type TRecord = NonNullable<TApplication['records']['worker']>

const MAX_DAYS = 366
const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/** "2.5" → 2.5; half days only. */
export function parseDays(text: string): number | null {
  const t = text.trim()
  if (!/^\d+(\.\d+)?$/.test(t)) return null
  const n = Number(t)
  return Number.isInteger(n * 2) ? n : null
}

export function workInputOf(daysText: string, payText: string): { input: TWorkInput } | { error: AppError } {
  const days = parseDays(daysText)
  if (days === null) return { error: invalid('天数以半天计，例如 2 或 2.5') }
  if (days < 0.5) return { error: invalid('至少半天') }
  if (days > MAX_DAYS) return { error: invalid(`不超过${MAX_DAYS}天`) }
  const pay = parseYuan(payText)
  if (!pay.ok) {
    return {
      error: invalid(
        pay.reason === 'empty' ? '请填写工钱（元），没有给钱就写 0' : pay.reason === 'too_precise' ? '工钱最多写到分（两位小数）' : '工钱请写数字，例如 450',
      ),
    }
  }
  if (pay.fen > 100_000_000) return { error: invalid('工钱太高了，请检查') }
  return { input: { days, payFen: pay.fen } }
}

function recordLine(r: TRecord | null): string {
  return r ? `${daysText(r.days)}，工钱 ${formatFen(r.payFen)}（${formatTime(r.at)}）` : '还没有确认'
}

/**
 * 工作记录: once someone is hired, the worker and the poster each confirm how many days were
 * worked and how much pay changed hands; both records stay, so a dispute has a record on both
 * sides. Shows both and says plainly whether they agree.
 */
export function WorkRecord({
  application: a,
  side,
  onSaved,
}: {
  application: TApplication
  /** whose screen this is */
  side: TSide
  onSaved: (a: TApplication) => void
}) {
  const own = side === 'worker' ? a.records.worker : a.records.poster
  const other = side === 'worker' ? a.records.poster : a.records.worker
  const [open, setOpen] = useState(!own)
  const [days, setDays] = useState(own ? String(own.days) : '1')
  const [pay, setPay] = useState(own ? fenToInput(own.payFen) : '')
  const [formError, setFormError] = useState<AppError | null>(null)
  const save = useAction('confirm-work', (i: { id: string; input: TWorkInput }, key: string) => confirmWork(i.id, i.input, key))

  const d = parseDays(days)
  const suggested = a.job.payUnit === 'day' && d !== null && d >= 0.5 ? Math.round(d * a.job.payFen) : null

  const onSubmit = async () => {
    const built = workInputOf(days, pay)
    if ('error' in built) return setFormError(built.error)
    setFormError(null)
    const res = await save.run({ id: a.id, input: built.input })
    if (res.ok) {
      setOpen(false)
      onSaved(res.value)
    }
  }

  const agreed = a.records.agreed
  return (
    <View className="mk-records" data-testid="work-records" data-agreed={agreed === null ? '' : String(agreed)}>
      <Text className="mk-records__line" data-testid="work-record-worker">{`干活的人记：${recordLine(a.records.worker)}`}</Text>
      <Text className="mk-records__line" data-testid="work-record-poster">{`招工方记：${recordLine(a.records.poster)}`}</Text>
      {agreed === true ? (
        <Text className="mk-good" data-testid="work-agreed">
          双方记录一致 ✓
        </Text>
      ) : agreed === false ? (
        <Text className="mk-bad" data-testid="work-disagreed">
          双方记录不一致：请当面核对天数和工钱，再确认一次。
        </Text>
      ) : own && !other ? (
        <Text className="mk-records__line" data-testid="work-waiting">
          等对方确认
        </Text>
      ) : null}

      {open ? (
        <View className="mk-panel" data-testid="work-form">
          <Text className="mk-panel__title">确认工作记录</Text>
          <Text className="mk-label">干了几天（可以写半天，如 2.5）</Text>
          <Stepper value={days} onChange={setDays} step={0.5} min={0.5} max={MAX_DAYS} suffix="天" testId="work-days" />
          <Field
            label={side === 'worker' ? '收到工钱（元）' : '付了工钱（元）'}
            value={pay}
            onChange={setPay}
            type="digit"
            maxlength={10}
            placeholder="例如：450"
            testId="work-pay"
          />
          {suggested !== null ? (
            <Text className="chip" data-testid="work-pay-suggest" onClick={() => setPay(fenToInput(suggested))}>
              {`按 ${formatFen(a.job.payFen)}/${PAY_UNITS.day} 算：${formatFen(suggested)}`}
            </Text>
          ) : null}
          <ErrorNotice error={formError ?? save.error} testId="work-error" />
          <Button className="btn" type="primary" size="xlarge" block loading={save.busy} data-testid="work-submit" onClick={() => void onSubmit()}>
            确认
          </Button>
        </View>
      ) : (
        <Button className="btn btn-small" size="large" block data-testid="work-open" onClick={() => setOpen(true)}>
          {own ? '重新确认我的记录' : '确认工作记录'}
        </Button>
      )}
    </View>
  )
}

import { AppError } from '../../../../shared/errors'

/**
 * A whole number typed into a form, checked before it is sent (the server checks again):
 * returns the number, or an AppError with a sentence naming the field.
 */
export function wholeNumber(raw: string, label: string, min: number, max: number): number | AppError {
  const text = raw.trim()
  if (!/^-?\d+$/.test(text)) return new AppError('VALIDATION_FAILED', { message: `${label}请填写整数` })
  const n = Number(text)
  if (n < min || n > max) return new AppError('VALIDATION_FAILED', { message: `${label}应在 ${min} 到 ${max} 之间` })
  return n
}

/** Like wholeNumber, but empty means "none" (null): 每日上限 不限, 每人限换 不限. */
export function optionalWholeNumber(raw: string, label: string, min: number, max: number): number | null | AppError {
  return raw.trim() === '' ? null : wholeNumber(raw, label, min, max)
}

import { useCallback, useRef, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { isRetryable, toAppError } from '../api/request'
import { ActionKeys } from './idempotency'

export type TActionResult<R> = { ok: true; value: R } | { ok: false; error: AppError; retryable: boolean } | { ok: false; busy: true }

/**
 * Runs a write for a button: one request at a time (a second tap while busy is ignored),
 * an Idempotency-Key per action that is reused when a failed attempt is retried with the
 * same input, and the error kept for display.
 */
export function useAction<I, R>(name: string, fn: (input: I, idempotencyKey: string) => Promise<R>) {
  const keys = useRef(new ActionKeys())
  const busyRef = useRef(false)
  const fnRef = useRef(fn)
  fnRef.current = fn
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const run = useCallback(
    async (input: I): Promise<TActionResult<R>> => {
      if (busyRef.current) return { ok: false, busy: true }
      busyRef.current = true
      setBusy(true)
      setError(null)
      const key = keys.current.keyFor(name, input)
      try {
        const value = await fnRef.current(input, key)
        keys.current.done(name)
        return { ok: true, value }
      } catch (err) {
        const appError = toAppError(err)
        const retryable = isRetryable(appError)
        if (!retryable) keys.current.done(name)
        setError(appError)
        return { ok: false, error: appError, retryable }
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [name],
  )

  return { run, busy, error, setError }
}

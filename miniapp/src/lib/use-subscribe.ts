import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import { getSubscriptionTemplates, reportSubscriptions, type TCredits, type TSubscriptionTemplates } from '../api/subscriptions'
import { isRetryable, toAppError } from '../api/request'
import { getToken } from '../api/session'
import { ActionKeys } from './idempotency'
import { askSubscription, type TSubscribeOutcome } from './subscribe'

// Template ids change only with a deployment: keep them for the session. Buttons that load
// at the same time share one request.
let cache: { token: string; value: TSubscriptionTemplates } | null = null
let inflight: { token: string; promise: Promise<TSubscriptionTemplates> } | null = null

function fetchTemplates(token: string): Promise<TSubscriptionTemplates> {
  if (inflight?.token !== token) {
    const promise = getSubscriptionTemplates().finally(() => {
      if (inflight?.promise === promise) inflight = null
    })
    inflight = { token, promise }
  }
  return inflight.promise
}

type TLoad = { value: TSubscriptionTemplates } | { error: AppError }

/**
 * One subscribe ask for a button. The template ids and credits are loaded when the page
 * shows, so a tap opens WeChat's sheet at once (WeChat refuses the ask after a network wait
 * on some versions); each accepted id is reported with an Idempotency-Key that only a retry
 * of the same unanswered report reuses — every new tap is a new credit.
 */
export function useSubscribe(names: string[]) {
  const token = getToken()
  const [loaded, setLoaded] = useState<TSubscriptionTemplates | null>(() => (token && cache?.token === token ? cache.value : null))
  const [credits, setCredits] = useState<TCredits | null>(loaded?.credits ?? null)
  const [outcome, setOutcome] = useState<TSubscribeOutcome | null>(null)
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const keys = useRef(new ActionKeys())
  const namesKey = names.join(',')

  const load = useCallback(async (): Promise<TLoad | null> => {
    const t = getToken()
    if (!t) return null
    try {
      const value = await fetchTemplates(t)
      cache = { token: t, value }
      setLoaded(value)
      setCredits(value.credits)
      return { value }
    } catch (err) {
      return { error: toAppError(err) }
    }
  }, [])

  // On mount too: a button that appears after the page showed (e.g. once a form is sent)
  // gets no didShow until the page shows again, and the ids must be here before the tap.
  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => {
    void load()
  })

  const report = useCallback(async (accepted: string[]) => {
    const key = keys.current.keyFor('report-subscriptions', accepted)
    try {
      const res = await reportSubscriptions(accepted, key)
      keys.current.done('report-subscriptions')
      return res
    } catch (err) {
      if (!isRetryable(toAppError(err))) keys.current.done('report-subscriptions')
      throw err
    }
  }, [])

  const ask = useCallback(async (): Promise<TSubscribeOutcome | null> => {
    if (busyRef.current) return null
    busyRef.current = true
    setBusy(true)
    setOutcome(null)
    try {
      let templates = loaded?.templates
      if (!templates) {
        const res = await load()
        if (!res || 'error' in res) {
          const failed: TSubscribeOutcome = { kind: 'failed', error: res ? res.error : toAppError(null) }
          setOutcome(failed)
          return failed
        }
        templates = res.value.templates
      }
      // a long-term subscription (政务民生 templates) is asked for once: what is held is not asked again
      const held = new Set(loaded?.longTermHeld ?? [])
      const names = namesKey.split(',').filter((n) => !held.has(n))
      const result: TSubscribeOutcome = names.length
        ? await askSubscription(names, templates, report)
        : { kind: 'subscribed', accepted: [], credits: credits ?? {} }
      if (result.kind === 'subscribed') setCredits(result.credits)
      setOutcome(result)
      return result
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }, [loaded, load, report, namesKey, credits])

  const creditsOf = (name: string): number => credits?.[name] ?? 0
  /** the person accepted this long-term template once: every later message reaches them */
  const holdsLongTerm = (name: string): boolean => Boolean(loaded?.longTermHeld.includes(name))

  return { ask, busy, outcome, credits, creditsOf, holdsLongTerm }
}

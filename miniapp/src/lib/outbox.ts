/**
 * 离线补发 — writes that must not be lost on a weak rural network (today: 一键报满).
 *
 * A write is stored on the device (Taro storage) with its Idempotency-Key *before* it is sent,
 * so a crash or a closed app cannot lose it. No answer or a 5xx keeps it; it is re-sent with
 * the SAME key when the app shows again, on the next launch, when the network comes back and
 * on a backoff timer, until the server answers. The server stores the first answer per key
 * (decision 004), so a report that did land before the connection dropped is never counted
 * twice. A 4xx answer is final: the entry is dropped and the caller shows the message.
 */
import Taro from '@tarojs/taro'
import type { AppError } from '../../../shared/errors'
import { isRetryable, request, toAppError } from '../api/request'
import { getToken } from '../api/session'
import { newIdempotencyKey } from './idempotency'

const STORAGE_KEY = 'xyj.outbox'
/** Waits between automatic attempts while something is kept: 10 s, 30 s, 1, 2, then every 5 min. */
const BACKOFF_MS = [10_000, 30_000, 60_000, 120_000, 300_000]

export type TOutboxEntry = {
  /** Idempotency-Key: the same on every attempt. */
  key: string
  path: string
  body: unknown
  /** What it is, for people: 「03号桶 · 报满」. */
  label: string
  createdAt: string
  attempts: number
}

export type TOutboxEvent =
  | { type: 'sent'; entry: TOutboxEntry; value: unknown }
  | { type: 'refused'; entry: TOutboxEntry; error: AppError }
  | { type: 'kept'; entry: TOutboxEntry; error: AppError }

/** `sent`: the server answered 2xx. `kept`: no final answer yet; it will be re-sent by itself. */
export type TSendResult<T> = { status: 'sent'; value: T; entry: TOutboxEntry } | { status: 'kept'; entry: TOutboxEntry; error: AppError }

const listeners = new Set<(e: TOutboxEvent) => void>()
const inFlight = new Set<string>()
let timer: ReturnType<typeof setTimeout> | null = null
let failures = 0
let started = false
let flushing: Promise<void> | null = null

function read(): TOutboxEntry[] {
  try {
    const v = Taro.getStorageSync(STORAGE_KEY)
    return Array.isArray(v) ? (v as TOutboxEntry[]) : []
  } catch {
    return []
  }
}

function write(list: TOutboxEntry[]): void {
  try {
    if (list.length) Taro.setStorageSync(STORAGE_KEY, list)
    else Taro.removeStorageSync(STORAGE_KEY)
  } catch {
    // storage full or unavailable: the in-flight attempt still goes out
  }
}

/** Adds a new entry at the end, or updates one in place (the list stays oldest first). */
function upsert(entry: TOutboxEntry): void {
  const list = read()
  const i = list.findIndex((e) => e.key === entry.key)
  if (i >= 0) list[i] = entry
  else list.push(entry)
  write(list)
}

function remove(key: string): void {
  write(read().filter((e) => e.key !== key))
}

function emit(e: TOutboxEvent): void {
  for (const l of [...listeners]) l(e)
}

/** Kept writes, oldest first. */
export function pendingEntries(): TOutboxEntry[] {
  return read()
}

/** The kept write for this path (e.g. this bin's report), if any. */
export function pendingFor(path: string): TOutboxEntry | null {
  return read().find((e) => e.path === path) ?? null
}

/** Be told when a kept write lands, is refused, or fails again. Returns the unsubscribe. */
export function onOutbox(listener: (e: TOutboxEvent) => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** A failure that a later attempt with the same key can fix (a lost session too: sign in again, then it goes). */
function worthKeeping(err: AppError): boolean {
  return isRetryable(err) || err.code === 'UNAUTHENTICATED'
}

async function attempt(entry: TOutboxEntry): Promise<{ ok: true; value: unknown } | { ok: false; error: AppError; keep: boolean }> {
  inFlight.add(entry.key)
  try {
    const value = await request(entry.path, { method: 'POST', body: entry.body, idempotencyKey: entry.key })
    return { ok: true, value }
  } catch (err) {
    const error = toAppError(err)
    return { ok: false, error, keep: worthKeeping(error) }
  } finally {
    inFlight.delete(entry.key)
  }
}

function schedule(): void {
  if (timer) clearTimeout(timer)
  timer = null
  if (!read().length) {
    failures = 0
    return
  }
  const wait = BACKOFF_MS[Math.min(Math.max(failures - 1, 0), BACKOFF_MS.length - 1)]
  timer = setTimeout(() => {
    timer = null
    void flushOutbox()
  }, wait)
}

/**
 * POST `body` to `path` through the outbox. Resolves `sent` with the answer or `kept` (stored,
 * re-sent later by itself); rejects with the AppError of a final (4xx) answer. If a write to
 * the same path is already kept, that one (same key, same body) is sent again instead of a
 * second one, so a person tapping again never makes two reports.
 */
export async function sendThroughOutbox<T>(path: string, body: unknown, label: string): Promise<TSendResult<T>> {
  const entry: TOutboxEntry = pendingFor(path) ?? { key: newIdempotencyKey(), path, body, label, createdAt: new Date().toISOString(), attempts: 0 }
  entry.attempts++
  upsert(entry) // stored before it is sent: a crash mid-request cannot lose it
  const res = await attempt(entry)
  if (res.ok) {
    remove(entry.key)
    failures = 0
    void flushOutbox() // it went through: the network is back, send anything else kept
    return { status: 'sent', value: res.value as T, entry }
  }
  if (!res.keep) {
    remove(entry.key)
    throw res.error
  }
  failures++
  schedule()
  return { status: 'kept', entry, error: res.error }
}

/** Sends every kept write once (oldest first); stops at the first that still gets no answer. */
export function flushOutbox(): Promise<void> {
  if (flushing) return flushing
  const run: Promise<void> = drain().finally(() => {
    if (flushing === run) flushing = null
    schedule()
  })
  flushing = run
  return run
}

async function drain(): Promise<void> {
  if (!getToken()) return // after sign-in the next show sends them
  for (const entry of read()) {
    if (inFlight.has(entry.key)) continue
    entry.attempts++
    upsert(entry)
    const res = await attempt(entry)
    if (res.ok) {
      remove(entry.key)
      failures = 0
      emit({ type: 'sent', entry, value: res.value })
    } else if (!res.keep) {
      remove(entry.key)
      emit({ type: 'refused', entry, error: res.error })
    } else {
      failures++
      emit({ type: 'kept', entry, error: res.error })
      break // still offline: the rest would fail the same way
    }
  }
}

/**
 * Once per app start (app.tsx): send what a previous run kept, and again whenever the app
 * comes back to the foreground or the network returns.
 */
export function startOutbox(): void {
  if (started) return
  started = true
  try {
    if (typeof Taro.onAppShow === 'function') Taro.onAppShow(() => void flushOutbox())
    if (typeof Taro.onNetworkStatusChange === 'function') {
      Taro.onNetworkStatusChange((res) => {
        if (res.isConnected) void flushOutbox()
      })
    }
  } catch {
    // a host without these events still retries on the timer and on page shows
  }
  void flushOutbox()
}

/** Tests: forget timers, listeners and in-memory state (storage is the test's). */
export function stopOutbox(): void {
  if (timer) clearTimeout(timer)
  timer = null
  failures = 0
  started = false
  flushing = null
  listeners.clear()
  inFlight.clear()
}

import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppError } from '../../../../shared/errors'
import { toAppError } from '../../api/request'
import { getToken } from '../../api/session'
import { goToLogin } from '../../lib/navigation'
import { useAction } from '../../lib/use-action'

type TPost = { id: string; can: { edit: boolean } }

/**
 * The 保存草稿 / 提交审核 flow shared by 我要卖 and 我要招工: loads the post for `?id=`, keeps the
 * form, saves (create or update) one tap at a time, then submits the saved draft and keeps the
 * answer for the result screen. `build` turns the form into the request body (it may wait,
 * e.g. for photos) or says the first thing to fix.
 */
export function usePostEdit<TItem extends TPost, TForm, TInput>(o: {
  /** action names: `${name}-save`, `${name}-submit` */
  name: string
  id: string | undefined
  initial: TForm | (() => TForm)
  load: (id: string) => Promise<TItem>
  formOf: (item: TItem) => TForm
  onLoaded?: (item: TItem) => void
  create: (input: TInput, key: string) => Promise<TItem>
  update: (id: string, input: TInput, key: string) => Promise<TItem>
  submit: (id: string, key: string) => Promise<TItem>
  build: (form: TForm) => Promise<{ input: TInput } | { error: AppError }> | { input: TInput } | { error: AppError }
}) {
  const [postId, setPostId] = useState<string | null>(o.id || null)
  const [original, setOriginal] = useState<TItem | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [form, setForm] = useState<TForm>(o.initial)
  const [formError, setFormError] = useState<AppError | null>(null)
  const [result, setResult] = useState<TItem | null>(null)
  const [waiting, setWaiting] = useState(false)
  const busy = useRef(false)
  const latest = useRef(o)
  latest.current = o

  const save = useAction(`${o.name}-save`, (i: { id: string | null; input: TInput }, key: string) =>
    i.id ? latest.current.update(i.id, i.input, key) : latest.current.create(i.input, key),
  )
  const submit = useAction(`${o.name}-submit`, (id: string, key: string) => latest.current.submit(id, key))

  useEffect(() => {
    if (!getToken()) return goToLogin()
    if (!o.id) return
    latest.current.load(o.id).then(
      (item) => {
        setOriginal(item)
        setForm(latest.current.formOf(item))
        latest.current.onLoaded?.(item)
      },
      (err) => setLoadError(toAppError(err)),
    )
  }, [o.id])

  const set = <K extends keyof TForm>(k: K, v: TForm[K]) => setForm((f) => ({ ...f, [k]: v }))

  /** Checks, then creates or updates the draft; the saved post or null. */
  const persist = async (): Promise<TItem | null> => {
    const built = await o.build(form)
    if ('error' in built) {
      setFormError(built.error)
      return null
    }
    setFormError(null)
    const res = await save.run({ id: postId, input: built.input })
    if (!res.ok) return null
    setPostId(res.value.id)
    setOriginal(res.value)
    return res.value
  }

  const guarded = async (work: () => Promise<void>) => {
    if (busy.current) return
    busy.current = true
    setWaiting(true)
    try {
      await work()
    } finally {
      busy.current = false
      setWaiting(false)
    }
  }

  const onSave = () =>
    guarded(async () => {
      if (await persist()) Taro.showToast({ title: '已保存草稿', icon: 'success', duration: 1500 })
    })

  const onSubmit = () =>
    guarded(async () => {
      const saved = await persist()
      if (!saved) return
      const res = await submit.run(saved.id)
      if (res.ok) {
        setOriginal(res.value)
        setResult(res.value)
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
      }
    })

  return {
    postId,
    original,
    loadError,
    form,
    set,
    result,
    clearResult: () => setResult(null),
    waiting,
    save,
    submit,
    /** the form's, the save's or the submit's error, for the one notice above the buttons */
    error: formError ?? save.error ?? submit.error,
    onSave,
    onSubmit,
  }
}

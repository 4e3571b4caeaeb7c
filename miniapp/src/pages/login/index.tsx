import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { LEGAL_VERSION } from '../../../../shared/domain/privacy'
import { devSignIn, listDevPeople, loginWithWechatCode, type TDevPeople, type TSession } from '../../api/auth'
import { toAppError } from '../../api/request'
import { Button } from '../../components/nut'
import { ConsentCheck } from '../../components/consent-check'
import { ErrorNotice } from '../../components/error-notice'
import { PrivacyPopup } from '../../components/privacy-popup'
import { leaveLogin } from '../../lib/navigation'
import { useAction, type TActionResult } from '../../lib/use-action'
import { platform, PlatformCancelled, requirePrivacyAuthorization } from '../../platform'
import './index.scss'

type TDevPerson = TDevPeople['people'][number]

// 演示登录 is offered in the browser build and in development mini-program builds; the
// server decides whether it is really on (404 DEV_LOGIN_DISABLED otherwise).
const OFFER_DEMO = process.env.TARO_ENV === 'h5' || process.env.NODE_ENV !== 'production'

export default function LoginPage() {
  const { params } = useRouter()
  const redirect = params.redirect
  const [people, setPeople] = useState<TDevPerson[] | null>(null)
  const [demoError, setDemoError] = useState<AppError | null>(null)
  const canWechat = platform.canWechatLogin
  // 用户协议/隐私政策: never ticked in advance; sign-in is refused, with the reason, until it is
  const [agreed, setAgreed] = useState(false)
  const [refused, setRefused] = useState<AppError | null>(null)
  const consented = () => {
    if (agreed) return true
    setRefused(new AppError('CONSENT_REQUIRED'))
    return false
  }
  const onAgree = (v: boolean) => {
    setAgreed(v)
    if (!v) return
    setRefused(null)
    // WeChat's own 隐私授权 comes right after ours (a no-op in a browser or once given)
    void requirePrivacyAuthorization()
  }

  const wechat = useAction('wechat-login', (body: { code: string }, key: string) => loginWithWechatCode(body.code, key))
  // A WeChat code is single-use: keep it only while a retry may still succeed (no answer yet).
  const pendingCode = useRef<string | null>(null)

  const onWechatLogin = async () => {
    if (wechat.busy || !consented()) return
    let code = pendingCode.current
    if (!code) {
      try {
        code = (await platform.login()).code
      } catch (err) {
        if (err instanceof PlatformCancelled) return
        wechat.setError(new AppError('WECHAT_UNAVAILABLE', { message: '微信登录没有成功，请再点一次', cause: err }))
        return
      }
      pendingCode.current = code
    }
    const res = await wechat.run({ code })
    if (res.ok) {
      pendingCode.current = null
      signedIn(res.value)
    } else if ('error' in res && !res.retryable) {
      pendingCode.current = null
    }
  }

  const demo = useAction('dev-login', (body: { personId: string } | { newPerson: true }, key: string) =>
    devSignIn({ ...body, consentVersion: LEGAL_VERSION }, key),
  )
  const demoSignIn = async (body: { personId: string } | { newPerson: true }) => {
    if (consented()) signedIn(await demo.run(body))
  }

  const loadPeople = useCallback(async () => {
    setDemoError(null)
    try {
      const res = await listDevPeople()
      setPeople(res.people)
    } catch (err) {
      setPeople(null)
      setDemoError(toAppError(err))
    }
  }, [])

  useEffect(() => {
    if (OFFER_DEMO) void loadPeople()
  }, [loadPeople])

  const groups = useMemo(() => {
    // A person with several roles is listed once, under the first (most senior) one the
    // server sends, so `dev-person-<id>` stays unique.
    const seen = new Set<string>()
    const map = new Map<string, TDevPerson[]>()
    for (const p of people ?? []) {
      if (seen.has(p.id)) continue
      seen.add(p.id)
      const label = p.roleLabel || '其他'
      map.set(label, [...(map.get(label) ?? []), p])
    }
    return [...map.entries()]
  }, [people])

  function signedIn(res: TActionResult<TSession> | TSession) {
    const session = 'token' in res ? res : res.ok ? res.value : null
    if (!session) return
    Taro.showToast({ title: `欢迎，${session.person.name}`, icon: 'none', duration: 1500 })
    leaveLogin(redirect)
  }

  const busy = wechat.busy || demo.busy

  return (
    <View className="page login">
      <View className="login__hero">
        <Text className="login__title">小院家</Text>
        <Text className="login__slogan">我们的院落，大家一起来当家</Text>
      </View>

      <PrivacyPopup />
      <ConsentCheck checked={agreed} onChange={onAgree} testId="login-consent" />
      <ErrorNotice error={refused} testId="login-consent-error" />

      {canWechat ? (
        <View className="login__wechat">
          <Button className="btn" type="primary" size="xlarge" block loading={wechat.busy} disabled={busy} data-testid="login-wechat" onClick={onWechatLogin}>
            微信一键登录
          </Button>
          <ErrorNotice error={wechat.error} testId="login-error" />
        </View>
      ) : null}

      {OFFER_DEMO ? (
        <View className="login__demo" data-testid="dev-login">
          <Text className="login__demo-title">演示登录</Text>
          <Text className="muted">选择一位演示人员进入，或以新用户身份体验加入院落。</Text>
          <View className="gap" />
          {demoError ? (
            <View data-testid="dev-login-unavailable">
              <ErrorNotice error={demoError} testId="dev-login-error" />
              {demoError.code === 'DEV_LOGIN_DISABLED' ? (
                <Text className="muted">演示登录只在开发和演示环境开放，请在微信里打开小程序登录。</Text>
              ) : (
                <Button className="btn btn-small" size="large" block onClick={loadPeople} data-testid="dev-login-retry">
                  重新加载
                </Button>
              )}
            </View>
          ) : null}

          {people === null && !demoError ? <Text className="muted">正在加载演示人员…</Text> : null}

          {groups.map(([label, list]) => (
            <View key={label} className="login__group">
              <Text className="login__group-title">{label}</Text>
              {list.map((p) => (
                <Button
                  key={p.id}
                  className="btn btn-small login__person"
                  size="large"
                  block
                  disabled={busy}
                  data-testid={`dev-person-${p.id}`}
                  onClick={() => demoSignIn({ personId: p.id })}
                >
                  {p.scopeName ? `${p.name}（${p.scopeName}）` : p.name}
                </Button>
              ))}
            </View>
          ))}

          {people !== null ? (
            <Button
              className="btn"
              type="primary"
              fill="outline"
              size="xlarge"
              block
              disabled={busy}
              data-testid="dev-new-person"
              onClick={() => demoSignIn({ newPerson: true })}
            >
              以新用户身份体验
            </Button>
          ) : null}
          <ErrorNotice error={demo.error} testId="dev-login-action-error" />
        </View>
      ) : null}

      {!canWechat && !OFFER_DEMO ? <Text className="muted">请在微信中打开小院家。</Text> : null}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { LEGAL_VERSION } from '../../../../shared/domain/privacy'
import { AppError } from '../../../../shared/errors'
import { logout } from '../../api/auth'
import { agreeConsent } from '../../api/privacy'
import { ConsentCheck } from '../../components/consent-check'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { PrivacyPopup } from '../../components/privacy-popup'
import { leaveLogin } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { forgetMe } from '../../lib/use-me'
import '../components/privacy.scss'

/**
 * 协议更新: a signed-in person whose agreed version is older than the one in force agrees again
 * before going on (useMe sends them here), or signs out.
 */
export default function ConsentPage() {
  const { params } = useRouter()
  const [checked, setChecked] = useState(false)
  const [refused, setRefused] = useState<AppError | null>(null)
  const agree = useAction('agree-consent', (_: void, key: string) => agreeConsent(LEGAL_VERSION, key))
  const out = useAction('logout', (_: void, key: string) => logout(key))

  const onAgree = async () => {
    if (!checked) {
      setRefused(new AppError('CONSENT_REQUIRED'))
      return
    }
    setRefused(null)
    const r = await agree.run(undefined)
    if (r.ok) {
      forgetMe()
      leaveLogin(params.redirect)
    }
  }

  return (
    <View className="page" data-testid="consent-page">
      <PrivacyPopup />
      <Text className="privacy__lead">{`《用户协议》和《隐私政策》已更新（${LEGAL_VERSION}）。请阅读后勾选同意，才能继续使用小院家。`}</Text>
      <ConsentCheck checked={checked} onChange={setChecked} />
      <ErrorNotice error={refused ?? agree.error} testId="consent-error" />
      <Button className="btn" type="primary" size="xlarge" block loading={agree.busy} data-testid="consent-agree" onClick={onAgree}>
        同意并继续
      </Button>
      <View className="gap" />
      <Button
        className="btn"
        size="xlarge"
        block
        loading={out.busy}
        data-testid="consent-logout"
        onClick={async () => {
          await out.run(undefined)
          Taro.reLaunch({ url: ROUTES.login })
        }}
      >
        不同意，退出登录
      </Button>
    </View>
  )
}

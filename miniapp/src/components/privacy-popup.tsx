import { Button as WxButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { openPage } from '../lib/navigation'
import { ROUTES } from '../lib/routes'
import { answerPrivacyPrompt, PRIVACY_AGREE_BUTTON, watchPrivacyPrompt } from '../platform'
import { Button } from './nut'

/**
 * WeChat's 隐私授权 popup (weapp only: in a browser WeChat never asks, so it never opens).
 * 同意 is WeChat's own open-type button, so the platform can tell the person really tapped it.
 */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false)
  useEffect(() => watchPrivacyPrompt(setOpen), [])
  const answer = (agree: boolean) => {
    answerPrivacyPrompt(agree)
    // opened for this by the app (WeChat asked on a page without the popup): back to that page
    if (Taro.getCurrentInstance().router?.params?.wx === '1') Taro.navigateBack()
  }
  if (!open) return null
  return (
    <View className="xyj-privacy-popup" data-testid="privacy-popup">
      <View className="xyj-privacy-popup__card">
        <Text className="xyj-privacy-popup__title">用户隐私保护提示</Text>
        <Text className="xyj-privacy-popup__text">
          使用照片、位置、剪贴板等功能前，请阅读并同意
          <Text className="xyj-consent__link" onClick={() => openPage(ROUTES.policy)}>
            《小院家隐私政策》
          </Text>
          。不同意也可以继续浏览，但这项功能用不了。
        </Text>
        <WxButton
          className="xyj-privacy-popup__agree"
          id={PRIVACY_AGREE_BUTTON}
          openType="agreePrivacyAuthorization"
          onAgreePrivacyAuthorization={() => answer(true)}
          data-testid="privacy-agree"
        >
          同意
        </WxButton>
        <Button className="btn" size="xlarge" block onClick={() => answer(false)} data-testid="privacy-disagree">
          不同意
        </Button>
      </View>
    </View>
  )
}

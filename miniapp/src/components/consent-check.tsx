import { Text, View } from '@tarojs/components'
import { openPage } from '../lib/navigation'
import { ROUTES } from '../lib/routes'

/**
 * 我已阅读并同意《用户协议》和《隐私政策》: never ticked in advance; the two titles open the
 * texts (the tap on a title does not tick the box).
 */
export function ConsentCheck({ checked, onChange, testId = 'consent-check' }: { checked: boolean; onChange: (checked: boolean) => void; testId?: string }) {
  return (
    <View className={`xyj-toggle xyj-consent ${checked ? 'xyj-toggle--on' : ''}`} data-testid={testId} data-checked={checked ? 'true' : 'false'}>
      <View className="xyj-toggle__box" data-testid={`${testId}-box`} onClick={() => onChange(!checked)}>
        {checked ? <Text className="xyj-toggle__tick">✓</Text> : null}
      </View>
      <Text className="xyj-toggle__label">
        <Text onClick={() => onChange(!checked)}>我已阅读并同意</Text>
        <Text className="xyj-consent__link" data-testid={`${testId}-terms`} onClick={() => openPage(ROUTES.terms)}>
          《用户协议》
        </Text>
        <Text onClick={() => onChange(!checked)}>和</Text>
        <Text className="xyj-consent__link" data-testid={`${testId}-policy`} onClick={() => openPage(ROUTES.policy)}>
          《隐私政策》
        </Text>
      </Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { setElderMode, useElderMode } from '../lib/elder-mode'
import { Toggle } from './toggle'

/** 我的 · 长辈模式: bigger text and buttons, and a 首页 with only the main things. Kept on this phone. */
export function ElderSwitch() {
  const { on } = useElderMode()
  return (
    <View className="xyj-section" data-testid="me-elder">
      <Text className="xyj-section__title">长辈模式</Text>
      <Toggle label="字大一点，按钮大一点" checked={on} onChange={setElderMode} testId="me-elder-switch" />
    </View>
  )
}

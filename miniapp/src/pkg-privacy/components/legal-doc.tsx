import { Text, View } from '@tarojs/components'
import type { TLegalDoc } from '../../../../shared/domain/privacy'
import { PrivacyPopup } from '../../components/privacy-popup'
import './privacy.scss'

/** 用户协议 / 隐私政策, from the one shared module (shared/domain/privacy.ts). */
export function LegalDoc({ doc, testId }: { doc: TLegalDoc; testId: string }) {
  return (
    <View className="page legal" data-testid={testId} data-version={doc.version}>
      <PrivacyPopup />
      <Text className="legal__title">{doc.title}</Text>
      <Text className="legal__version">{`版本：${doc.version}`}</Text>
      {doc.sections.map((s) => (
        <View key={s.heading} className="legal__section">
          <Text className="legal__heading">{s.heading}</Text>
          {s.paragraphs.map((p) => (
            <Text key={p} className="legal__para">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

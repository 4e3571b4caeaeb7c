import { Text, View } from '@tarojs/components'
import { formatPhone } from '../../lib/format'
import { callPhone } from '../../platform'

/** 「王秀英 138 0000 1111  [打电话]」: the call button is the big tap target. */
export function PhoneRow({ name, phone, testId }: { name: string; phone: string; testId: string }) {
  return (
    <View className="mk-phone" data-testid={testId} data-phone={phone}>
      <View className="mk-phone__who">
        <Text className="mk-phone__name">{name}</Text>
        <Text className="mk-phone__text">{formatPhone(phone)}</Text>
      </View>
      <Text className="mk-phone__call" data-testid={`${testId}-call`} onClick={() => void callPhone(phone)}>
        打电话
      </Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { TRedemption } from '../../api/points'
import { QrCode } from '../../components/qr-code'
import { formatTime } from '../../lib/format'
import { spacedCode } from '../../lib/points'

/**
 * 取货码: the code in big letters (to read out or type) and as a QR code (the shopkeeper
 * scans it), with the last day to pick up. The QR holds the bare code.
 */
export function PickupCard({ redemption: r, testId }: { redemption: TRedemption; testId: string }) {
  return (
    <View className="pickup" data-testid={testId}>
      <Text className="pickup__label">取货码</Text>
      <Text className="pickup__code" userSelect data-testid={`${testId}-code`} data-code={r.pickupCode}>
        {spacedCode(r.pickupCode)}
      </Text>
      <QrCode text={r.pickupCode} testId={`${testId}-qr`} />
      <Text className="pickup__hint">{`请在 ${formatTime(r.expiresAt)} 前到积分超市，出示这个码领取「${r.reward.name}」`}</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'

export default function PointsPage() {
  return (
    <View className='page' data-testid='points-page'>
      <Text className='page-title'>积分</Text>
      <Text className='page-subtitle'>积分功能即将上线</Text>
      <Text className='muted'>参加院落活动、报告垃圾桶满溢都能攒积分，以后可以在积分超市换东西。</Text>
    </View>
  )
}

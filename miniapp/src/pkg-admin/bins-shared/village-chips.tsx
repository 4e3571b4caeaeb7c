import { Text, View } from '@tarojs/components'
import type { TPlace } from '../../api/me'

/** Which village (only shown when there is more than one to choose from). */
export function VillageChips({ villages, value, onChange }: { villages: TPlace[]; value: string | null; onChange: (id: string) => void }) {
  if (villages.length < 2) return null
  return (
    <View className='chips'>
      {villages.map((v) => (
        <Text key={v.id} className={`chip ${v.id === value ? 'chip--on' : ''}`} data-testid={`bins-village-${v.id}`} onClick={() => onChange(v.id)}>
          {v.name}
        </Text>
      ))}
    </View>
  )
}

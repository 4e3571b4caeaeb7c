import { Text, View } from '@tarojs/components'
import type { useVillageChoice } from '../lib/use-village-choice'

type TChoice = Pick<ReturnType<typeof useVillageChoice>, 'villages' | 'villageId' | 'choose'>

/**
 * Which village a page is about, as chips (only when there is more than one to choose from).
 * Pages of several subpackages (积分, 后台, 找院长) ask the same, so it lives here.
 * `testId` names each chip `<testId>-<villageId>`.
 */
export function VillageChips({ choice, testId }: { choice: TChoice; testId?: string }) {
  if (choice.villages.length < 2) return null
  return (
    <View className="chips">
      {choice.villages.map((v) => (
        <Text
          key={v.id}
          className={`chip ${v.id === choice.villageId ? 'chip--on' : ''}`}
          data-testid={testId ? `${testId}-${v.id}` : undefined}
          onClick={() => choice.choose(v.id)}
        >
          {v.name}
        </Text>
      ))}
    </View>
  )
}

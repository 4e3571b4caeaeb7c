import { Text, View } from '@tarojs/components'
import type { TBoard, TBoardBy, TBoardItem } from '../../api/points'

/** What a board row's number is: total points, or points per household (院落户均). */
export function scoreText(item: Pick<TBoardItem, 'total' | 'perHousehold'>, by: TBoardBy): string {
  return by === 'perHousehold' ? `${item.perHousehold ?? 0}` : `${item.total}`
}

export const BOARD_LABEL: Record<TBoard, string> = { person: '个人榜', household: '户榜', courtyard: '院落榜' }

/** One line of a leaderboard: rank (1–3 in medal colours), name, score; mine stands out. */
export function BoardRow({ item, by, mine, testId = 'board-item' }: { item: TBoardItem; by: TBoardBy; mine: boolean; testId?: string }) {
  return (
    <View
      className={`board-row ${mine ? 'board-row--mine' : ''}`}
      data-testid={testId}
      data-id={item.id}
      data-rank={String(item.rank)}
      data-mine={mine ? 'true' : 'false'}
    >
      <Text className={`pts-rank ${item.rank <= 3 ? `pts-rank--${item.rank}` : ''}`}>{String(item.rank)}</Text>
      <View className="board-row__main">
        <Text className="board-row__name">{mine ? `${item.name}（我的）` : item.name}</Text>
        {by === 'perHousehold' ? <Text className="board-row__sub">{`${item.households ?? 0} 户 · 总分 ${item.total}`}</Text> : null}
      </View>
      <Text className="board-row__score">{scoreText(item, by)}</Text>
      <Text className="board-row__unit">{by === 'perHousehold' ? '分/户' : '分'}</Text>
    </View>
  )
}

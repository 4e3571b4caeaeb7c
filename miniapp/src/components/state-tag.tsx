import { Tag } from './nut'

/** NutUI Tag colours. By convention waiting states stand out, public or done ones are green, finished ones fade. */
export type TTagType = 'warning' | 'primary' | 'danger' | 'success' | 'default'

/**
 * A state shown as a tag (入院申请, 兑换, 找院长, 帮我卖 / 找活干 …): its words and colour come
 * from the domain's two tables, so every page shows one state the same way.
 */
export function StateTag<S extends string>({
  state,
  labels,
  types,
  className,
}: {
  state: S
  labels: Record<S, string>
  types: Record<S, TTagType>
  className?: string
}) {
  return (
    <Tag type={types[state]} className={className}>
      {labels[state]}
    </Tag>
  )
}

import { Text, View } from '@tarojs/components'
import { listMyRequests } from '../../api/requests'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { openPage } from '../../lib/navigation'
import { REQUEST_ROUTES } from '../../lib/request-routes'
import { useCursorList } from '../../lib/use-cursor-list'
import { RequestCard } from '../components/request-card'
import { useElderMode } from '../../lib/elder-mode'
import '../components/request.scss'

const PAGE_SIZE = 20

/** 我的事项: what I sent to the courtyard head, newest first, each with where it stands. */
export default function MyRequestsPage() {
  const elder = useElderMode()
  const { items, cursor, error, loadingMore, loadMore } = useCursorList((cursor: string | null) => listMyRequests(cursor, PAGE_SIZE))

  return (
    <View className={`page req-mine ${elder.className}`}>
      <Button className="btn" type="primary" size="xlarge" block data-testid="request-mine-new" onClick={() => openPage(REQUEST_ROUTES.new)}>
        找院长
      </Button>
      <ErrorNotice error={error} testId="request-mine-error" />
      {items === null && !error ? <Text className="muted">正在加载…</Text> : null}
      {items && !items.length ? (
        <Text className="xyj-empty" data-testid="request-mine-empty">
          还没有找过院长。有事点上面的按钮说一声。
        </Text>
      ) : null}
      {items?.map((r) => (
        <RequestCard key={r.id} item={r} />
      ))}
      {cursor ? (
        <Button className="btn" size="large" block loading={loadingMore} data-testid="request-mine-more" onClick={() => void loadMore()}>
          加载更多
        </Button>
      ) : items && items.length > 0 ? (
        <Text className="muted" style={{ textAlign: 'center' }}>
          没有更早的事项了
        </Text>
      ) : null}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { logout } from '../../api/auth'
import { createInvite, type TInvite } from '../../api/invites'
import {
  adminVillages,
  cadreVillages,
  canAdjustPoints,
  handoverVillages,
  headedCourtyards,
  inviteCourtyards,
  isCleaner,
  isVillager,
  staffTownships,
} from '../../api/me'
import { LinkRow, Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Button, Cell, CellGroup } from '../../components/nut'
import { ElderSwitch } from '../../components/elder-switch'
import { SosSwitch } from '../../components/sos-switch'
import { SubscribeAsk } from '../../components/subscribe-ask'
import { flagLabels, formatDate, formatPhone, roleText } from '../../lib/format'
import { scanToSignInComputer } from '../../lib/admin-login'
import { BIN_ROUTES } from '../../lib/bin-routes'
import { MARKET_ROUTES } from '../../lib/market-routes'
import { reviewsMarket } from '../../lib/market-roles'
import { openPage } from '../../lib/navigation'
import { REQUEST_ROUTES } from '../../lib/request-routes'
import { handlesRequests, seesRequestStats, setsRequestSla } from '../../lib/request-roles'
import { ROUTES } from '../../lib/routes'
import { useUnread } from '../../lib/unread'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import './index.scss'

export default function MePage() {
  const { me, error } = useMe()
  const unread = useUnread()
  const [invite, setInvite] = useState<(TInvite & { courtyardName: string }) | null>(null)
  const [pickedId, setPickedId] = useState<string | null>(null)

  const invitable = me ? inviteCourtyards(me) : []
  const target = invitable.find((c) => c.id === pickedId) ?? invitable[0]

  const inviteAction = useAction('create-invite', (courtyardId: string, key: string) => createInvite(courtyardId, key))
  const logoutAction = useAction('logout', (_: void, key: string) => logout(key))

  const onInvite = async () => {
    if (!target) return
    const res = await inviteAction.run(target.id)
    if (res.ok) setInvite({ ...res.value, courtyardName: target.name })
  }

  const onLogout = async () => {
    // The local token is cleared whatever the server says; leaving must always work.
    await logoutAction.run(undefined)
    Taro.reLaunch({ url: ROUTES.login })
  }

  const copyInvite = () => {
    if (invite) Taro.setClipboardData({ data: invite.code })
  }

  const flags = me ? flagLabels(me.person.flags) : []

  return (
    <View className="page me">
      <ErrorNotice error={error} testId="me-error" />

      {me ? (
        <>
          <View className="me__header" data-testid="me-person">
            <Text className="me__name">{me.person.name}</Text>
            <Text className="me__phone">{me.person.phone ? formatPhone(me.person.phone) : '未填写手机号'}</Text>
            {flags.length ? <Text className="me__flags">{flags.join('、')}</Text> : null}
          </View>

          <LinkRow title="消息" badge={unread} extra={unread === 0 ? '没有未读' : undefined} testId="me-inbox" onClick={() => openPage(ROUTES.inbox)} />

          {me.courtyard ? <LinkRow title="我的事项" extra="找院长的办理情况" testId="me-my-requests" onClick={() => openPage(REQUEST_ROUTES.mine)} /> : null}
          {handlesRequests(me) ? (
            <LinkRow title="待办事项" extra="村民找院长的事" testId="me-request-queue" onClick={() => openPage(REQUEST_ROUTES.queue)} />
          ) : null}

          <LinkRow title="我的买卖" extra="卖的东西、想买的、招工和报名" testId="me-market" onClick={() => openPage(MARKET_ROUTES.mine)} />
          {reviewsMarket(me) ? (
            <LinkRow title="待审核" extra="村民发布的商品和招工" testId="me-market-review" onClick={() => openPage(MARKET_ROUTES.review)} />
          ) : null}

          {me.courtyard ? <SosSwitch me={me} /> : null}
          <ElderSwitch />

          <CellGroup title="我的院落">
            <Cell title="户" extra={me.household?.label ?? '未登记'} data-testid="me-household" />
            <Cell title="院落" extra={me.courtyard?.name ?? '未加入'} data-testid="me-courtyard" />
            <Cell title="村" extra={me.village?.name ?? '—'} data-testid="me-village" />
          </CellGroup>

          <Section title="我的身份" testId="me-roles">
            {me.roles.length ? (
              <View className="chips">
                {me.roles.map((r) => (
                  <Text key={`${r.role}:${r.scopeId}`} className="chip" data-testid="me-role" data-role={r.role}>
                    {roleText(r)}
                  </Text>
                ))}
              </View>
            ) : (
              <Text className="muted">还没有身份，加入院落后由院长审核。</Text>
            )}
          </Section>

          {!isVillager(me) ? (
            <Button className="btn" type="primary" size="xlarge" block data-testid="me-join" onClick={() => openPage(ROUTES.join)}>
              加入院落
            </Button>
          ) : null}

          {headedCourtyards(me).length ? (
            <Button className="btn" size="xlarge" block data-testid="me-requests" onClick={() => openPage(ROUTES.requests)}>
              入院申请
            </Button>
          ) : null}

          {isCleaner(me) ? (
            <Section title="保洁员" testId="me-cleaner">
              <SubscribeAsk
                template="bin_task"
                label="接收新任务"
                primary
                showCredits
                hint="有垃圾桶满了，微信会提醒您。每点一次多收一次提醒。"
                doneText="好的，有新任务时会通过微信提醒您"
                testId="me-bin-task"
              />
            </Section>
          ) : null}

          {adminVillages(me).length || staffTownships(me).length ? (
            <Section title="村务管理" testId="me-admin">
              <LinkRow title="通知发送情况" extra="失败的可以重发" testId="me-admin-notifications" onClick={() => openPage(ROUTES.adminNotifications)} />
              <LinkRow title="垃圾桶管理" extra="二维码贴纸、统计" testId="me-admin-bins" onClick={() => openPage(BIN_ROUTES.admin)} />
              {seesRequestStats(me) ? (
                <LinkRow title="找院长统计" extra="超时、办结率、满意度" testId="me-request-stats" onClick={() => openPage(REQUEST_ROUTES.stats)} />
              ) : null}
              {setsRequestSla(me) ? (
                <LinkRow title="找院长时限设置" extra="受理、办结、呼叫" testId="me-request-settings" onClick={() => openPage(REQUEST_ROUTES.settings)} />
              ) : null}
            </Section>
          ) : null}

          {me && (handoverVillages(me).length || canAdjustPoints(me)) ? (
            <Section title="积分管理" testId="me-points-admin">
              {handoverVillages(me).length ? (
                <LinkRow title="凭码发放" extra="扫村民的取货码" testId="me-handover" onClick={() => openPage(ROUTES.handover)} />
              ) : null}
              {canAdjustPoints(me) ? (
                <LinkRow title="人工加减分" extra="要写明原因" testId="me-points-adjust" onClick={() => openPage(ROUTES.pointsAdjust)} />
              ) : null}
              {cadreVillages(me).length ? (
                <>
                  <LinkRow title="积分超市商品" extra="上架、库存、价格" testId="me-rewards-admin" onClick={() => openPage(ROUTES.rewardsAdmin)} />
                  <LinkRow title="积分规则" extra="每件事加几分" testId="me-points-rules" onClick={() => openPage(ROUTES.pointsRules)} />
                </>
              ) : null}
            </Section>
          ) : null}

          {invitable.length ? (
            <Section title="邀请村民加入" testId="invite">
              {invitable.length > 1 ? (
                <View className="chips">
                  {invitable.map((c) => (
                    <Text
                      key={c.id}
                      className={`chip ${target?.id === c.id ? 'chip--on' : ''}`}
                      data-testid={`invite-courtyard-${c.id}`}
                      onClick={() => {
                        setPickedId(c.id)
                        setInvite(null)
                      }}
                    >
                      {c.name}
                    </Text>
                  ))}
                </View>
              ) : null}
              <Button className="btn" size="xlarge" block loading={inviteAction.busy} data-testid="invite-create" onClick={onInvite}>
                {invitable.length > 1 && target ? `生成邀请码（${target.name}）` : '生成邀请码'}
              </Button>
              <ErrorNotice error={inviteAction.error} testId="invite-error" />
              {invite ? (
                <View className="me__invite" data-testid="invite-result">
                  <Text className="muted">{`${invite.courtyardName}的邀请码`}</Text>
                  <Text className="me__invite-code" userSelect selectable data-testid="invite-code">
                    {invite.code}
                  </Text>
                  <Text className="muted">{`有效期至 ${formatDate(invite.expiresAt)}。请村民在「加入院落」里输入这个邀请码。`}</Text>
                  <Button className="btn btn-small" size="large" block data-testid="invite-copy" onClick={copyInvite}>
                    复制邀请码
                  </Button>
                </View>
              ) : null}
            </Section>
          ) : null}
          <Section title="登录与设备" testId="me-account">
            {handlesRequests(me) ? (
              <LinkRow title="扫码登录电脑" extra="扫管理后台的二维码" testId="me-admin-login-scan" onClick={() => void scanToSignInComputer()} />
            ) : null}
            <LinkRow title="登录设备" extra="查看、退出其他设备" testId="me-devices" onClick={() => openPage(ROUTES.devices)} />
          </Section>
          <Section title="隐私与数据" testId="me-privacy">
            <LinkRow
              title="我的数据"
              extra={me.deletionRequest ? '注销申请待确认' : '下载、申请注销'}
              testId="me-my-data"
              onClick={() => openPage(ROUTES.myData)}
            />
            {cadreVillages(me).length ? (
              <LinkRow title="注销申请" extra="村民申请注销，由村干部确认" testId="me-deletions" onClick={() => openPage(ROUTES.deletions)} />
            ) : null}
          </Section>
        </>
      ) : !error ? (
        <Text className="muted">正在加载…</Text>
      ) : null}

      <View className="me__logout">
        <Button className="btn" size="xlarge" block loading={logoutAction.busy} data-testid="logout" onClick={onLogout}>
          退出登录
        </Button>
      </View>
    </View>
  )
}

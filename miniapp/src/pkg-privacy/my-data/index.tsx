import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { exportMyData, requestDeletion } from '../../api/privacy'
import { LinkRow, Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { PrivacyPopup } from '../../components/privacy-popup'
import { formatDate } from '../../lib/format'
import { openPage } from '../../lib/navigation'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { saveDataFile } from '../../platform'
import '../components/privacy.scss'

/** 我的数据: download everything about me; 申请注销 (a village cadre confirms). */
export default function MyDataPage() {
  const { me, error, reload } = useMe()
  const [saved, setSaved] = useState<string | null>(null)
  const [sure, setSure] = useState(false)

  const download = useAction('export-my-data', async () => {
    const data = await exportMyData()
    const how = await saveDataFile(`小院家-我的数据-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2))
    return how
  })
  const remove = useAction('request-deletion', (_: void, key: string) => requestDeletion(key))

  const onDownload = async () => {
    const r = await download.run(undefined)
    if (r.ok) setSaved(r.value === 'downloaded' ? '已下载，文件在浏览器的下载文件夹里。' : '已保存，并已复制到剪贴板，可以粘贴到聊天或备忘录里保存。')
  }

  const onDelete = async () => {
    if (!sure) {
      setSure(true)
      return
    }
    const r = await remove.run(undefined)
    if (r.ok) {
      setSure(false)
      if (r.value.state === 'confirmed') Taro.reLaunch({ url: ROUTES.login })
      else void reload()
    }
  }

  const pending = me?.deletionRequest

  return (
    <View className="page" data-testid="my-data">
      <PrivacyPopup />
      <ErrorNotice error={error} testId="my-data-error" />
      <Section title="下载我的数据" testId="my-data-download-section">
        <Text className="privacy__lead">一份文件里包含您的个人资料、户和家庭成员、办的事、呼叫、报告、买卖、积分明细、兑换记录和同意记录。</Text>
        <Button className="btn" type="primary" size="xlarge" block loading={download.busy} data-testid="my-data-download" onClick={onDownload}>
          下载我的数据
        </Button>
        <ErrorNotice error={download.error} testId="my-data-download-error" />
        {saved ? (
          <Text className="privacy__note" data-testid="my-data-saved">
            {saved}
          </Text>
        ) : null}
      </Section>

      <Section title="申请注销" testId="my-data-delete-section">
        {pending ? (
          <Text className="privacy__note" data-testid="my-data-pending">
            {`您在 ${formatDate(pending.requestedAt)} 申请了注销，正在等待村干部确认。确认后您会自动退出登录。`}
          </Text>
        ) : (
          <>
            <Text className="privacy__lead">
              注销后，您的姓名会改为「已注销用户」，手机号、微信身份和您上传的照片会被删除，您将无法再登录这个账号。积分明细和办过的事以匿名方式保留，让村里的账目对得上。
            </Text>
            {sure ? (
              <Text className="privacy__note" data-testid="my-data-delete-confirm-hint">
                确定要注销吗？再点一次「确定注销」提交申请。
              </Text>
            ) : null}
            <Button className="btn" size="xlarge" block loading={remove.busy} data-testid="my-data-delete" onClick={onDelete}>
              {sure ? '确定注销' : '申请注销'}
            </Button>
            <ErrorNotice error={remove.error} testId="my-data-delete-error" />
          </>
        )}
      </Section>

      <Section title="协议" testId="my-data-docs">
        <LinkRow title="用户协议" testId="my-data-terms" onClick={() => openPage(ROUTES.terms)} />
        <LinkRow
          title="隐私政策"
          extra={me?.consent.agreedAt ? `您于 ${formatDate(me.consent.agreedAt)} 同意` : undefined}
          testId="my-data-policy"
          onClick={() => openPage(ROUTES.policy)}
        />
      </Section>
    </View>
  )
}

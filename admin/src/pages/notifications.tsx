import { Alert, App as AntApp, Button, Card, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TNotificationSummary, TStaffReach } from '../../../shared/contracts/notifications';
import type { TReachStatus } from '../../../shared/domain/staff-reach';
import { TEMPLATE_LABELS } from '../../../miniapp/src/lib/templates';
import { call, messageOf } from '../api';
import { useScope } from '../scope';

const REACH: Record<TReachStatus, [string, string]> = {
  push: ['能及时收到', 'green'],
  credits: ['只剩几次提醒', 'orange'],
  sms: ['只能收短信', 'orange'],
  inbox_only: ['收不到，只有站内消息', 'red'],
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');
const templateLabel = (t: string) => (TEMPLATE_LABELS as Record<string, string>)[t] ?? t;

/** 发送失败: the village's failed notifications with 重发, and who on the staff notifications can reach. */
export function NotificationsPage() {
  const { villageId } = useScope();
  const { message } = AntApp.useApp();
  const [items, setItems] = useState<TNotificationSummary[]>([]);
  const [reach, setReach] = useState<TStaffReach[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!villageId) return;
    try {
      const [failed, staff] = await Promise.all([
        call(E.listVillageNotifications, { params: { villageId }, query: { state: 'failed' } }),
        call(E.villageStaffReach, { params: { villageId } }),
      ]);
      setItems(failed.items);
      setReach(staff.items);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [villageId]);

  useEffect(() => void load(), [load]);

  const retry = async (id: string) => {
    setBusy(id);
    try {
      await call(E.retryNotification, { params: { id }, body: {} });
      void message.success('已重新投递');
      await load();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Card title="发送失败的通知">
        <Table<TNotificationSummary>
          rowKey="id"
          size="middle"
          dataSource={items}
          pagination={{ pageSize: 20 }}
          data-testid="notifications-table"
          locale={{ emptyText: '没有发送失败的通知' }}
          columns={[
            { title: '收件人', render: (_, n) => n.recipient.name },
            { title: '通知', render: (_, n) => templateLabel(n.template) },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '原因', dataIndex: 'lastError', ellipsis: true },
            { title: '时间', width: 170, render: (_, n) => time(n.createdAt) },
            {
              title: '',
              width: 90,
              render: (_, n) => (
                <Button size="small" loading={busy === n.id} onClick={() => void retry(n.id)} data-testid="notification-retry">
                  重发
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="工作人员能否收到通知">
        <Table<TStaffReach>
          rowKey="personId"
          size="small"
          dataSource={reach}
          pagination={false}
          data-testid="reach-table"
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '手机', render: (_, p) => p.channels.phone ?? '—' },
            { title: '小程序', render: (_, p) => (p.channels.miniProgram ? '已登录' : '未登录') },
            { title: '触达', render: (_, p) => <Tag color={REACH[p.reach][1]}>{REACH[p.reach][0]}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}

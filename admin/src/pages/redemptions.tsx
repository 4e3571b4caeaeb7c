import { Alert, Input, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TRedemption } from '../../../shared/contracts/points';
import { call, messageOf } from '../api';
import { useVillage } from '../village-picker';

type TState = TRedemption['state'];
const STATE_LABEL: Record<TState, { label: string; color: string }> = {
  reserved: { label: '待领取', color: 'blue' },
  handed_over: { label: '已领取', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
  expired: { label: '已过期', color: 'orange' },
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** 兑换记录: the village's redemptions, by state, and by who or which reward or code. */
export function RedemptionsPage() {
  const { villageId, picker, error: pickError } = useVillage();
  const [state, setState] = useState<TState | ''>('');
  const [text, setText] = useState('');
  const [items, setItems] = useState<TRedemption[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!villageId) return;
    setItems(null);
    call(E.listVillageRedemptions, { params: { villageId }, query: { state: state || undefined } })
      .then((r) => setItems(r.items))
      .catch((e) => setError(messageOf(e)));
  }, [villageId, state]);

  const q = text.trim();
  const shown = (items ?? []).filter((r) => !q || r.person.name.includes(q) || r.reward.name.includes(q) || r.pickupCode.includes(q));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {picker}
        <Select
          aria-label="状态"
          data-testid="redemptions-state"
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={[{ value: '', label: '全部状态' }, ...(Object.keys(STATE_LABEL) as TState[]).map((s) => ({ value: s, label: STATE_LABEL[s].label }))]}
        />
        <Input.Search allowClear placeholder="村民、商品或取货码" style={{ width: 240 }} onSearch={setText} onChange={(e) => !e.target.value && setText('')} />
      </Space>
      {pickError || error ? <Alert type="error" showIcon message={pickError || error} /> : null}
      <Table<TRedemption>
        data-testid="redemptions-table"
        rowKey="id"
        loading={items === null && !error}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '兑换时间', render: (_, r) => time(r.createdAt) },
          { title: '村民', render: (_, r) => r.person.name },
          { title: '商品', render: (_, r) => r.reward.name },
          { title: '积分', dataIndex: 'points', align: 'right' },
          { title: '取货码', dataIndex: 'pickupCode' },
          { title: '状态', render: (_, r) => <Tag color={STATE_LABEL[r.state].color}>{STATE_LABEL[r.state].label}</Tag> },
          { title: '领取期限', render: (_, r) => time(r.expiresAt) },
          { title: '完成时间', render: (_, r) => time(r.closedAt) },
        ]}
      />
    </Space>
  );
}

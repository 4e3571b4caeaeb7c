/**
 * 按户查看: the place's households (院长 the courtyard, 村干部 the village, 镇街 the township), each
 * with its members and their marks — search by 户号 or a member's name, load more by cursor,
 * correct a 户号 (its 操作日志 line written by the server).
 */
import { Alert, App as AntApp, Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { THouseholdQuery, TRegistryHousehold } from '../../../shared/contracts/registry';
import * as E from '../../../shared/contracts/endpoints';
import { call, messageOf } from '../api';
import { useScope } from '../scope';

type TQuery = Pick<THouseholdQuery, 'q' | 'cursor' | 'limit'>;

export function HouseholdsPage() {
  const { grant } = useScope();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<TRegistryHousehold[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<TRegistryHousehold | null>(null);
  const [label, setLabel] = useState('');

  const list = useCallback(
    (query: TQuery) => {
      const id = grant.scopeId;
      if (grant.scopeType === 'courtyard') return call(E.listCourtyardHouseholds, { params: { courtyardId: id }, query });
      if (grant.scopeType === 'village') return call(E.listVillageHouseholds, { params: { villageId: id }, query });
      return call(E.listTownshipHouseholds, { params: { townshipId: id }, query });
    },
    [grant],
  );

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await list({ q: q.trim() || undefined, cursor: cursor ?? undefined, limit: 50 });
        setItems((old) => (cursor ? [...old, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setLoading(false);
      }
    },
    [list, q],
  );
  useEffect(() => void load(null), [load]);

  const rename = async () => {
    if (!renaming) return;
    try {
      const r = await call(E.renameHousehold, { params: { householdId: renaming.id }, body: { label } });
      setItems((old) => old.map((h) => (h.id === r.id ? { ...h, label: r.label } : h)));
      setRenaming(null);
      message.success('户号已修改');
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <Card data-testid="households">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search placeholder="户号或成员姓名" allowClear style={{ width: 320 }} data-testid="households-search" onSearch={(v) => setQ(v)} />
        {error ? <Alert type="error" showIcon message={error} /> : null}
        <Table
          rowKey="id"
          loading={loading}
          dataSource={items}
          pagination={false}
          data-testid="households-table"
          columns={[
            ...(grant.scopeType === 'township' ? [{ title: '村', key: 'village', render: (_: unknown, h: TRegistryHousehold) => h.village.name }] : []),
            { title: '院落', key: 'courtyard', render: (_: unknown, h: TRegistryHousehold) => h.courtyard.name },
            { title: '户号', dataIndex: 'label', width: 160 },
            { title: '人数', key: 'n', width: 70, render: (_: unknown, h: TRegistryHousehold) => h.members.length },
            {
              title: '成员',
              key: 'members',
              render: (_: unknown, h: TRegistryHousehold) => (
                <Space size={[4, 4]} wrap>
                  {h.members.map((m) => (
                    <Tag key={m.id} color={m.livesAlone || m.needsCare ? 'orange' : m.elderly ? 'gold' : undefined}>
                      {m.name}
                      {m.relation ? `（${m.relation}）` : ''}
                      {m.elderly ? ' · 老人' : ''}
                      {m.livesAlone ? ' · 独居' : ''}
                      {m.needsCare ? ' · 需照护' : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 100,
              render: (_: unknown, h: TRegistryHousehold) => (
                <Button
                  size="small"
                  onClick={() => {
                    setRenaming(h);
                    setLabel(h.label);
                  }}
                >
                  改户号
                </Button>
              ),
            },
          ]}
        />
        {next ? (
          <Button onClick={() => void load(next)} loading={loading} data-testid="households-more">
            加载更多
          </Button>
        ) : null}
      </Space>
      <Modal title="修改户号" open={Boolean(renaming)} onOk={() => void rename()} onCancel={() => setRenaming(null)} okText="保存" cancelText="取消">
        <Input aria-label="户号" value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} data-testid="households-label" />
      </Modal>
    </Card>
  );
}

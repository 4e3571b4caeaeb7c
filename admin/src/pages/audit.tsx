import { Alert, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { TAuditEntry } from '../../../shared/contracts/audit';
import * as E from '../../../shared/contracts/endpoints';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS } from '../../../shared/domain/audit';
import { call, messageOf } from '../api';
import { useScope } from '../scope';

type TFilters = { action?: string; actor?: string; entityType?: string; range?: [Dayjs | null, Dayjs | null] | null };
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
const shown = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** before → after, field by field. */
function Change({ entry }: { entry: TAuditEntry }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (!keys.length) return <Typography.Text type="secondary">没有字段变化的记录</Typography.Text>;
  return (
    <Table
      data-testid="audit-change"
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={keys.map((key) => ({ key, before: entry.before?.[key], after: entry.after?.[key] }))}
      columns={[
        { title: '字段', render: (_, r) => AUDIT_FIELD_LABELS[r.key] ?? r.key },
        { title: '修改前', render: (_, r) => (entry.before ? shown(r.before) : '（新建）') },
        { title: '', render: () => '→', width: 32 },
        { title: '修改后', render: (_, r) => (entry.after ? shown(r.after) : '（删除）') },
      ]}
    />
  );
}

/** 操作日志: who changed what, when, before and after — a cadre's village, or township staff's whole township. */
export function AuditPage() {
  const { grant, villageId, townshipId } = useScope();
  const township = grant.scopeType === 'township';
  const [filters, setFilters] = useState<TFilters>({});
  const [items, setItems] = useState<TAuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);

  const fetchPage = useCallback(
    (cursor?: string) => {
      const query = {
        action: filters.action,
        actor: filters.actor?.trim() || undefined,
        entityType: filters.entityType,
        from: filters.range?.[0]?.startOf('day').toISOString(),
        to: filters.range?.[1]?.endOf('day').toISOString(),
        cursor,
        limit: 20,
      };
      if (township) return townshipId ? call(E.listTownshipAuditLog, { params: { townshipId }, query }) : null;
      return villageId ? call(E.listVillageAuditLog, { params: { villageId }, query }) : null;
    },
    [filters, township, townshipId, villageId],
  );

  useEffect(() => {
    const p = fetchPage();
    if (!p) return;
    setLoading(true);
    setError('');
    p.then((r) => {
      setItems(r.items);
      setNext(r.nextCursor);
    })
      .catch((e) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  }, [fetchPage]);

  const more = () => {
    const p = next ? fetchPage(next) : null;
    if (!p) return;
    setLoading(true);
    p.then((r) => {
      setItems((old) => [...(old ?? []), ...r.items]);
      setNext(r.nextCursor);
    })
      .catch((e) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap data-testid="audit-filters">
        <Select
          aria-label="操作"
          allowClear
          placeholder="全部操作"
          style={{ width: 170 }}
          value={filters.action}
          onChange={(action) => setFilters((f) => ({ ...f, action }))}
          options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="对象"
          allowClear
          placeholder="全部对象"
          style={{ width: 140 }}
          value={filters.entityType}
          onChange={(entityType) => setFilters((f) => ({ ...f, entityType }))}
          options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          aria-label="操作人"
          allowClear
          placeholder="操作人姓名"
          style={{ width: 180 }}
          onSearch={(actor) => setFilters((f) => ({ ...f, actor }))}
        />
        <DatePicker.RangePicker aria-label="日期" value={filters.range ?? null} onChange={(range) => setFilters((f) => ({ ...f, range }))} />
      </Space>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Table<TAuditEntry>
        data-testid="audit-table"
        rowKey="id"
        loading={loading}
        dataSource={items ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (e) => <Change entry={e} />, rowExpandable: (e) => !!(e.before || e.after) }}
        columns={[
          { title: '时间', width: 180, render: (_, e) => time(e.at) },
          { title: '操作人', render: (_, e) => e.actor?.name ?? '系统' },
          { title: '操作', render: (_, e) => e.actionLabel },
          { title: '对象', render: (_, e) => e.entity.label },
          ...(township ? [{ title: '村', render: (_: unknown, e: TAuditEntry) => e.village?.name ?? '镇街' }] : []),
          { title: '内容', dataIndex: 'summary' },
        ]}
      />
      {next ? (
        <Button onClick={more} loading={loading} data-testid="audit-more">
          加载更多
        </Button>
      ) : null}
    </Space>
  );
}

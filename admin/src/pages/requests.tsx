import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Descriptions, Drawer, Input, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TNamed } from '../../../shared/contracts/common';
import type { TRequestDetail, TRequestItem } from '../../../shared/contracts/requests';
import {
  REQUEST_CATEGORIES,
  REQUEST_LEVEL_KEYS,
  REQUEST_LEVELS,
  REQUEST_QUEUE_FILTER_KEYS,
  REQUEST_STATES,
  type TRequestLevel,
  type TRequestQueueFilter,
} from '../../../shared/domain/requests';
import { call, download, messageOf, urlOf } from '../api';
import { useScope } from '../scope';

const FILTER_LABELS: Record<TRequestQueueFilter, string> = {
  open: '未办结',
  waiting: '待受理',
  accepted: '办理中',
  resolved: '待确认',
  closed: '已完结/撤回',
  all: '全部',
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');

type TFilters = { state: TRequestQueueFilter; place?: string; overdue?: 'true'; range?: [Dayjs, Dayjs] | null; q?: string };

/** 找院长: every request of the place, filters, 工单号 search, a drawer to act, export. */
export function RequestsPage() {
  const scope = useScope();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<TFilters>({ state: 'open' });
  const [items, setItems] = useState<TRequestItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [places, setPlaces] = useState<TNamed[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const kind = scope.grant.scopeType;

  useEffect(() => {
    if (kind === 'village')
      call(E.listVillageCourtyards, { params: { villageId: scope.grant.scopeId } }).then(
        (r) => setPlaces(r.items),
        () => undefined,
      );
    if (kind === 'township')
      call(E.listTownshipVillages, { params: { townshipId: scope.grant.scopeId } }).then(
        (r) => setPlaces(r.items),
        () => undefined,
      );
  }, [kind, scope.grant.scopeId]);

  const query = useCallback(
    (f: TFilters) => ({
      state: f.state,
      courtyardId: kind === 'village' ? f.place : undefined,
      villageId: kind === 'township' ? f.place : undefined,
      overdue: f.overdue,
      from: f.range?.[0]?.format('YYYY-MM-DD'),
      to: f.range?.[1]?.format('YYYY-MM-DD'),
      q: f.q?.trim() || undefined,
    }),
    [kind],
  );

  const load = useCallback(
    async (f: TFilters, after: string | null) => {
      setLoading(true);
      setError('');
      try {
        const id = scope.grant.scopeId;
        const q = { ...query(f), cursor: after ?? undefined, limit: 50 };
        const r =
          kind === 'courtyard'
            ? await call(E.courtyardRequests, { params: { courtyardId: id }, query: q })
            : kind === 'village'
              ? await call(E.villageRequests, { params: { villageId: id }, query: q })
              : await call(E.townshipRequests, { params: { townshipId: id }, query: q });
        setItems((old) => (after ? [...old, ...r.items] : r.items));
        setCursor(r.nextCursor);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setLoading(false);
      }
    },
    [kind, query, scope.grant.scopeId],
  );

  useEffect(() => void load(filters, null), [filters, load]);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    const id = scope.grant.scopeId;
    const q = { ...query(filters), format };
    const url =
      kind === 'courtyard'
        ? urlOf(E.exportCourtyardRequests, { params: { courtyardId: id }, query: q })
        : kind === 'village'
          ? urlOf(E.exportVillageRequests, { params: { villageId: id }, query: q })
          : urlOf(E.exportTownshipRequests, { params: { townshipId: id }, query: q });
    try {
      await download(url, `找院长工单.${format}`);
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap data-testid="requests-filters">
        <Select
          style={{ width: 140 }}
          value={filters.state}
          data-testid="requests-state"
          options={REQUEST_QUEUE_FILTER_KEYS.map((k) => ({ value: k, label: FILTER_LABELS[k] }))}
          onChange={(state) => setFilters({ ...filters, state })}
        />
        {kind !== 'courtyard' ? (
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={kind === 'village' ? '全部院落' : '全部村'}
            value={filters.place}
            options={places.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(place?: string) => setFilters({ ...filters, place })}
          />
        ) : null}
        <DatePicker.RangePicker value={filters.range ?? null} onChange={(range) => setFilters({ ...filters, range: range as [Dayjs, Dayjs] | null })} />
        <Space>
          <Switch checked={filters.overdue === 'true'} onChange={(on) => setFilters({ ...filters, overdue: on ? 'true' : undefined })} />
          只看超时
        </Space>
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder="工单号，如 Z260042"
          data-testid="requests-search"
          onSearch={(q) => setFilters({ ...filters, q, state: q ? 'all' : filters.state })}
        />
        <Button icon={<DownloadOutlined />} data-testid="requests-export-xlsx" onClick={() => void exportAs('xlsx')}>
          导出Excel
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>
          导出CSV
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon message={error} data-testid="requests-error" /> : null}
      <Table<TRequestItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={false}
        data-testid="requests-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '工单号', dataIndex: 'ticket', width: 110, render: (v: string) => <span data-testid="request-ticket">{v}</span> },
          { title: '院落', render: (_, r) => r.courtyard.name, width: 120 },
          { title: '内容', dataIndex: 'text', ellipsis: true, render: (v: string, r) => `${REQUEST_CATEGORIES[r.category]}｜${v}` },
          { title: '状态', width: 120, render: (_, r) => <Tag data-testid="request-state">{REQUEST_STATES[r.state]}</Tag> },
          { title: '提交时间', width: 170, render: (_, r) => time(r.createdAt) },
          { title: '超时', width: 70, render: (_, r) => (r.overdue ? <Tag color="red">超时</Tag> : '') },
          { title: '处理人', width: 100, render: (_, r) => r.handler?.name ?? '' },
        ]}
      />
      {cursor ? (
        <Button onClick={() => void load(filters, cursor)} loading={loading}>
          加载更多
        </Button>
      ) : null}
      <RequestDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void load(filters, null)} />
    </Space>
  );
}

type TMessage = { id: string; author: TNamed; body: string; createdAt: string; fromRequester: boolean };

/** The request, its conversation and the buttons the server allows this caller (`can`), with the server's errors. */
function RequestDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const [d, setD] = useState<TRequestDetail | null>(null);
  const [messages, setMessages] = useState<TMessage[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [level, setLevel] = useState<TRequestLevel | undefined>();

  const reload = useCallback(async (rid: string) => {
    try {
      const [detail, thread] = await Promise.all([call(E.getRequest, { params: { id: rid } }), call(E.listRequestMessages, { params: { id: rid } })]);
      setD(detail);
      setMessages(thread.items);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    setD(null);
    setMessages([]);
    setError('');
    setReply('');
    setNote('');
    setLevel(undefined);
    if (id) void reload(id);
  }, [id, reload]);

  const act = async (run: () => Promise<unknown>, done: () => void = () => undefined) => {
    if (!id) return;
    setBusy(true);
    setError('');
    try {
      await run();
      done();
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      await reload(id);
    }
  };

  const c = d?.can;
  return (
    <Drawer open={!!id} width={620} title={d ? `${d.ticket} · ${REQUEST_STATES[d.state]}` : '事项'} onClose={onClose} data-testid="request-drawer">
      {error ? <Alert type="error" showIcon message={error} data-testid="request-error" style={{ marginBottom: 12 }} /> : null}
      {d ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="提交人">
              {d.requester.name} {d.requesterPhone ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label="院落">{d.courtyard.name}</Descriptions.Item>
            <Descriptions.Item label="类别">{REQUEST_CATEGORIES[d.category]}</Descriptions.Item>
            <Descriptions.Item label="大小">{REQUEST_LEVELS[d.level]}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{time(d.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="期限">{d.dueAt ? `${time(d.dueAt)}${d.overdue ? '（已超时）' : ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="处理人">{d.handler?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="地点">{d.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="内容" span={2}>
              {d.text}
            </Descriptions.Item>
          </Descriptions>

          <Space wrap data-testid="request-actions">
            {c?.accept ? (
              <Button
                type="primary"
                loading={busy}
                data-testid="request-accept"
                onClick={() => void act(() => call(E.acceptRequest, { params: { id: d.id }, body: {} }))}
              >
                受理
              </Button>
            ) : null}
          </Space>
          {c?.resolve || c?.setLevel ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder="处理结果或说明（办结必填）"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                data-testid="request-note"
              />
              {c.resolve ? (
                <Button
                  loading={busy}
                  data-testid="request-resolve"
                  onClick={() =>
                    void act(
                      () => call(E.resolveRequest, { params: { id: d.id }, body: { note: note.trim() } }),
                      () => setNote(''),
                    )
                  }
                >
                  办结
                </Button>
              ) : null}
            </Space.Compact>
          ) : null}
          {c?.setLevel ? (
            <Space>
              <Select<TRequestLevel>
                style={{ width: 200 }}
                placeholder="定性 / 吹哨"
                value={level}
                data-testid="request-level"
                options={REQUEST_LEVEL_KEYS.filter((l) => l !== d.level).map((l) => ({
                  value: l,
                  label: `${REQUEST_LEVELS[l]}${l === 'village' ? '（吹哨到村）' : l === 'township' ? '（报到镇街）' : ''}`,
                }))}
                onChange={setLevel}
              />
              <Button
                disabled={!level}
                loading={busy}
                data-testid="request-level-save"
                onClick={() =>
                  void act(
                    () => call(E.setRequestLevel, { params: { id: d.id }, body: note.trim() ? { level: level!, note: note.trim() } : { level: level! } }),
                    () => setLevel(undefined),
                  )
                }
              >
                改定性
              </Button>
            </Space>
          ) : null}

          <Typography.Title level={5}>沟通记录</Typography.Title>
          <List
            size="small"
            bordered
            data-testid="request-thread"
            locale={{ emptyText: '还没有留言' }}
            dataSource={messages}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta title={`${m.author.name}${m.fromRequester ? '（提交人）' : ''} · ${time(m.createdAt)}`} description={m.body} />
              </List.Item>
            )}
          />
          {c?.message ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input.TextArea
                rows={2}
                value={reply}
                maxLength={500}
                placeholder="回复提交人"
                onChange={(e) => setReply(e.target.value)}
                data-testid="request-reply"
              />
              <Button
                type="primary"
                loading={busy}
                data-testid="request-reply-send"
                onClick={() =>
                  void act(
                    () => call(E.postRequestMessage, { params: { id: d.id }, body: { body: reply.trim(), photoIds: [] } }),
                    () => setReply(''),
                  )
                }
              >
                发送
              </Button>
            </Space.Compact>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

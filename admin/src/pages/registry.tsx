/**
 * 信息采集: the place's people (院长 the courtyard, 村干部 the village, 镇街 the township) —
 * search by name, phone or 户号, filter by the five flags and the courtyard (or village), load
 * more by cursor, correct a person in a drawer (the server's message shown as it is), and
 * export what the filters show as the 信息采集表 (Excel or CSV).
 */
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TRegistryPerson } from '../../../shared/contracts/registry';
import * as E from '../../../shared/contracts/endpoints';
import type { TNamed } from '../../../shared/contracts/common';
import { REGISTRY_FLAG_LABELS, REGISTRY_FLAGS, type TRegistryFlag } from '../../../shared/domain/registry-sheet';
import { AppError } from '../../../shared/errors';
import { call, download, messageOf, urlOf } from '../api';
import { useScope } from '../scope';

type TFilters = { q: string; flags: TRegistryFlag[]; courtyardId?: string; villageId?: string };

type TQuery = Record<string, string | number | undefined>;

/** The list and export endpoints for the signed-in grant's place. */
function usePlace() {
  const { grant } = useScope();
  return useMemo(() => {
    const id = grant.scopeId;
    if (grant.scopeType === 'courtyard')
      return {
        list: (query: TQuery & { limit: number }) => call(E.listCourtyardRegistry, { params: { courtyardId: id }, query }),
        exportUrl: (query: TQuery) => urlOf(E.exportCourtyardRegistry, { params: { courtyardId: id }, query }),
      };
    if (grant.scopeType === 'village')
      return {
        list: (query: TQuery & { limit: number }) => call(E.listVillageRegistry, { params: { villageId: id }, query }),
        exportUrl: (query: TQuery) => urlOf(E.exportVillageRegistry, { params: { villageId: id }, query }),
      };
    return {
      list: (query: TQuery & { limit: number }) => call(E.listTownshipRegistry, { params: { townshipId: id }, query }),
      exportUrl: (query: TQuery) => urlOf(E.exportTownshipRegistry, { params: { townshipId: id }, query }),
    };
  }, [grant]);
}

function queryOf(f: TFilters) {
  return {
    q: f.q.trim() || undefined,
    courtyardId: f.courtyardId,
    villageId: f.villageId,
    ...Object.fromEntries(f.flags.map((k) => [k, 'true'])),
  } as TQuery;
}

export function RegistryPage() {
  const { grant, villageId } = useScope();
  const { message } = AntApp.useApp();
  const place = usePlace();
  const [filters, setFilters] = useState<TFilters>({ q: '', flags: [] });
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<TRegistryPerson[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [courtyards, setCourtyards] = useState<TNamed[]>([]);
  const [villages, setVillages] = useState<TNamed[]>([]);
  const [editing, setEditing] = useState<TRegistryPerson | null>(null);

  // the courtyard filter (a village's courtyards) and, for township staff, the village filter
  useEffect(() => {
    if (grant.scopeType === 'township') {
      call(E.listTownshipVillages, { params: { townshipId: grant.scopeId } }).then(
        (r) => setVillages(r.items),
        (e) => setError(messageOf(e)),
      );
    }
  }, [grant]);
  const courtyardsOf = grant.scopeType === 'village' ? villageId : grant.scopeType === 'township' ? filters.villageId : undefined;
  useEffect(() => {
    if (!courtyardsOf) return setCourtyards([]);
    call(E.listVillageCourtyards, { params: { villageId: courtyardsOf } }).then(
      (r) => setCourtyards(r.items),
      (e) => setError(messageOf(e)),
    );
  }, [courtyardsOf]);

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const r = await place.list({ ...queryOf(filters), limit: 50, cursor: cursor ?? undefined });
        setItems((xs) => (cursor ? [...xs, ...r.items] : r.items));
        setNext(r.nextCursor);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setLoading(false);
      }
    },
    [place, filters],
  );
  useEffect(() => void load(null), [load]);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      await download(place.exportUrl({ ...queryOf(filters), format }), `信息采集表.${format}`);
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  const columns = [
    { title: '姓名', dataIndex: 'name', key: 'name' },
    { title: '与户主关系', dataIndex: 'relation', key: 'relation', render: (v: string | null) => v ?? '' },
    { title: '手机号', dataIndex: 'phone', key: 'phone', render: (v: string | null) => <span data-testid="registry-phone">{v ?? ''}</span> },
    ...(grant.scopeType === 'township' ? [{ title: '村', key: 'village', render: (_: unknown, p: TRegistryPerson) => p.village.name }] : []),
    { title: '院落', key: 'courtyard', render: (_: unknown, p: TRegistryPerson) => p.courtyard.name },
    { title: '户号', key: 'household', render: (_: unknown, p: TRegistryPerson) => p.household.label },
    {
      title: '标记',
      key: 'flags',
      render: (_: unknown, p: TRegistryPerson) => REGISTRY_FLAGS.filter((k) => p[k]).map((k) => <Tag key={k}>{REGISTRY_FLAG_LABELS[k]}</Tag>),
    },
    {
      title: '操作',
      key: 'edit',
      render: (_: unknown, p: TRegistryPerson) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="registry-edit">
          修改
        </Button>
      ),
    },
  ];

  return (
    <Card title="信息采集" data-testid="registry-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="姓名、手机号或户号"
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
          style={{ width: 240 }}
          data-testid="registry-search"
        />
        {grant.scopeType === 'township' && (
          <Select
            allowClear
            placeholder="全部村"
            style={{ width: 160 }}
            value={filters.villageId}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            onChange={(villageId?: string) => setFilters((f) => ({ ...f, villageId, courtyardId: undefined }))}
            data-testid="registry-village"
          />
        )}
        {grant.scopeType !== 'courtyard' && (
          <Select
            allowClear
            placeholder="全部院落"
            style={{ width: 160 }}
            value={filters.courtyardId}
            options={courtyards.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(courtyardId?: string) => setFilters((f) => ({ ...f, courtyardId }))}
            data-testid="registry-courtyard"
          />
        )}
        <span data-testid="registry-flags">
          <Checkbox.Group
            options={REGISTRY_FLAGS.map((k) => ({ value: k, label: REGISTRY_FLAG_LABELS[k] }))}
            value={filters.flags}
            onChange={(flags) => setFilters((f) => ({ ...f, flags: flags as TRegistryFlag[] }))}
          />
        </span>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="registry-export-xlsx">
          导出 Excel
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')} data-testid="registry-export-csv">
          导出 CSV
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="registry-error" />}
      <div data-testid="registry-table">
        <Table rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} />
      </div>
      {next && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void load(next)} loading={loading} data-testid="registry-more">
            加载更多
          </Button>
        </div>
      )}
      {editing && (
        <EditPerson
          person={editing}
          courtyards={grant.scopeType === 'courtyard' ? [editing.courtyard] : courtyardsFor(editing, courtyards, grant.scopeType)}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setItems((xs) => xs.map((x) => (x.id === p.id ? p : x)));
            setEditing(null);
            message.success('已保存');
          }}
        />
      )}
    </Card>
  );
}

/** The courtyards a person may be moved to: their village's (a township list shows them only once a village is chosen). */
function courtyardsFor(p: TRegistryPerson, loaded: TNamed[], scope: string): TNamed[] {
  if (scope === 'village' && loaded.length) return loaded;
  return loaded.some((c) => c.id === p.courtyard.id) ? loaded : [p.courtyard];
}

type TForm = { name: string; relation: string; phone: string; courtyardId: string; label: string; flags: TRegistryFlag[] };

function EditPerson(props: { person: TRegistryPerson; courtyards: TNamed[]; onClose: () => void; onSaved: (p: TRegistryPerson) => void }) {
  const p = props.person;
  const [form] = Form.useForm<TForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (v: TForm) => {
    setSaving(true);
    setError(null);
    try {
      const body = {
        name: v.name,
        relation: v.relation.trim() || null,
        phone: v.phone.trim() || null,
        ...Object.fromEntries(REGISTRY_FLAGS.map((k) => [k, v.flags.includes(k)])),
        ...(v.courtyardId !== p.courtyard.id || v.label.trim() !== p.household.label
          ? { household: { courtyardId: v.courtyardId, label: v.label.trim() } }
          : {}),
      };
      props.onSaved(await call(E.updateRegistryPerson, { params: { personId: p.id }, body }));
    } catch (e) {
      // the server's message, with what it said of each field (手机号应为11位…)
      const fields = e instanceof AppError ? (e.issues ?? []).map((i) => i.message) : [];
      setError([messageOf(e), ...fields].join('：'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open title={`修改 ${p.name}`} width={420} onClose={props.onClose} data-testid="registry-drawer">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="registry-save-error" />}
      <Form<TForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          name: p.name,
          relation: p.relation ?? '',
          phone: p.phone ?? '',
          courtyardId: p.courtyard.id,
          label: p.household.label,
          flags: REGISTRY_FLAGS.filter((k) => p[k]),
        }}
      >
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={20} data-testid="registry-form-name" />
        </Form.Item>
        <Form.Item label="与户主关系" name="relation">
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item label="手机号" name="phone">
          <Input maxLength={11} inputMode="numeric" data-testid="registry-form-phone" />
        </Form.Item>
        <Form.Item label="院落" name="courtyardId">
          <Select options={props.courtyards.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item label="户号" name="label" rules={[{ required: true, message: '请填写户号' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="标记" name="flags">
          <Checkbox.Group options={REGISTRY_FLAGS.map((k) => ({ value: k, label: REGISTRY_FLAG_LABELS[k] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="registry-save">
          保存
        </Button>
      </Form>
    </Drawer>
  );
}

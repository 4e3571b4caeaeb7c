import { Alert, Button, Card, Form, InputNumber, Space, Table, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TResponseOf } from '../../../shared/contracts/define';
import * as E from '../../../shared/contracts/endpoints';
import type { listPointsRules, TPointsRule } from '../../../shared/contracts/points';
import { call, messageOf } from '../api';
import { FormModal } from '../form-modal';
import { useScope } from '../scope';
import { useVillage } from '../village-picker';

type TRules = TResponseOf<typeof listPointsRules>;
type TChange = TRules['changes'][number];
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** 积分规则: points per event and their daily caps, the shop's expiry days, and the change history. A cadre edits. */
export function PointsRulesPage() {
  const { grant } = useScope();
  const canEdit = grant.role === 'village_cadre';
  const { villageId, picker, error: pickError } = useVillage();
  const [data, setData] = useState<TRules | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<TPointsRule | null>(null);
  const [form] = Form.useForm<{ points: number; dailyCap: number | null }>();

  const load = useCallback(() => {
    if (!villageId) return;
    call(E.listPointsRules, { params: { villageId } })
      .then(setData)
      .catch((e) => setError(messageOf(e)));
  }, [villageId]);
  useEffect(load, [load]);

  const save = (v: { points: number; dailyCap: number | null }) =>
    call(E.updatePointsRule, {
      params: { villageId: villageId!, eventKind: editing!.eventKind },
      body: { points: v.points, dailyCap: v.dailyCap ?? null },
    }).then(load);

  const saveExpiry = async (days: number | null) => {
    if (!villageId || !days) return;
    try {
      await call(E.updatePointsSettings, { params: { villageId }, body: { redemptionExpiryDays: days } });
      void message.success('已保存');
      load();
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const label = (kind: string) => data?.rules.find((r) => r.eventKind === kind)?.label ?? kind;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {picker}
      {pickError || error ? <Alert type="error" showIcon message={pickError || error} /> : null}
      <Table<TPointsRule>
        data-testid="rules-table"
        rowKey="eventKind"
        loading={data === null && !error}
        dataSource={data?.rules ?? []}
        pagination={false}
        columns={[
          { title: '事项', dataIndex: 'label' },
          { title: '分值', dataIndex: 'points', align: 'right' },
          { title: '每日上限', render: (_, r) => r.dailyCap ?? '不限' },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: TPointsRule) => (
                    <Button
                      size="small"
                      data-testid={`rule-edit-${r.eventKind}`}
                      onClick={() => {
                        setEditing(r);
                        form.setFieldsValue({ points: r.points, dailyCap: r.dailyCap });
                      }}
                    >
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {data ? (
        <Card size="small" title="积分超市">
          未领取的兑换{' '}
          <InputNumber
            aria-label="过期天数"
            min={1}
            max={90}
            precision={0}
            disabled={!canEdit}
            defaultValue={data.redemptionExpiryDays}
            key={data.redemptionExpiryDays}
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (n && n !== data.redemptionExpiryDays) void saveExpiry(n);
            }}
          />{' '}
          天后过期，积分退回
        </Card>
      ) : null}
      <Card size="small" title="修改记录">
        <Table<TChange>
          data-testid="rules-changes"
          rowKey={(c) => `${c.eventKind}:${c.changedAt}`}
          size="small"
          dataSource={data?.changes ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '时间', render: (_, c) => time(c.changedAt) },
            { title: '修改人', render: (_, c) => c.changedBy.name },
            { title: '事项', render: (_, c) => label(c.eventKind) },
            { title: '分值', render: (_, c) => `${c.oldPoints ?? 0} → ${c.newPoints ?? 0}` },
            { title: '每日上限', render: (_, c) => `${c.oldCap ?? '不限'} → ${c.newCap ?? '不限'}` },
          ]}
        />
      </Card>
      <FormModal
        title={`修改积分规则：${editing?.label ?? ''}`}
        open={editing !== null}
        form={form}
        testId="rule-form"
        onSave={save}
        onClose={() => setEditing(null)}
        done="规则已修改"
      >
        <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
          <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dailyCap" label="每日上限（空为不限）">
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

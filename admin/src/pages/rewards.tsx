import { Alert, Button, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TReward } from '../../../shared/contracts/points';
import { call, messageOf } from '../api';
import { FormModal } from '../form-modal';
import { useScope } from '../scope';
import { useVillage } from '../village-picker';

type TForm = { name: string; price: number; stock: number; perPersonLimit?: number | null; active: boolean };

/** 商品: the village's 积分超市 rewards with stock; a cadre adds and edits them (each change in 操作日志). */
export function RewardsPage() {
  const { grant } = useScope();
  const canEdit = grant.role === 'village_cadre';
  const { villageId, picker, error: pickError } = useVillage();
  const [items, setItems] = useState<TReward[] | null>(null);
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<TReward | 'new' | null>(null);
  const [form] = Form.useForm<TForm>();

  const load = useCallback(() => {
    if (!villageId) return;
    call(E.listRewards, { params: { villageId } })
      .then((r) => setItems(r.items))
      .catch((e) => setError(messageOf(e)));
  }, [villageId]);
  useEffect(load, [load]);

  const open = (r: TReward | 'new') => {
    setEditing(r);
    form.setFieldsValue(r === 'new' ? { name: '', price: 10, stock: 10, perPersonLimit: null, active: true } : r);
  };

  const save = (v: TForm) => {
    const body = { name: v.name, price: v.price, stock: v.stock, perPersonLimit: v.perPersonLimit ?? null, active: v.active };
    const done =
      editing === 'new' || !editing
        ? call(E.createReward, { params: { villageId: villageId! }, body })
        : call(E.updateReward, { params: { id: editing.id }, body });
    return done.then(load);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {picker}
        {canEdit ? (
          <Button type="primary" data-testid="reward-new" onClick={() => open('new')}>
            上架商品
          </Button>
        ) : null}
      </Space>
      {pickError || error ? <Alert type="error" showIcon message={pickError || error} /> : null}
      <Table<TReward>
        data-testid="rewards-table"
        rowKey="id"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '商品', dataIndex: 'name' },
          { title: '所需积分', dataIndex: 'price', align: 'right' },
          { title: '库存', dataIndex: 'stock', align: 'right' },
          { title: '每人限兑', render: (_, r) => r.perPersonLimit ?? '不限' },
          { title: '状态', render: (_, r) => (r.open ? <Tag color="green">可兑换</Tag> : r.active ? <Tag>暂不可兑</Tag> : <Tag color="default">已下架</Tag>) },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  render: (_: unknown, r: TReward) => (
                    <Button size="small" onClick={() => open(r)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title={editing === 'new' ? '上架商品' : '修改商品'}
        open={editing !== null}
        form={form}
        testId="reward-form"
        onSave={save}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label="商品名称" rules={[{ required: true, whitespace: true, message: '请填写商品名称' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="price" label="所需积分" rules={[{ required: true, message: '请填写所需积分' }]}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stock" label="库存" rules={[{ required: true, message: '请填写库存' }]}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="perPersonLimit" label="每人限兑（空为不限）">
          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label="上架" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

import { Alert, App as AntApp, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { TListing } from '../../../shared/contracts/market';
import { call, messageOf } from '../api';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 商品审核: listings waiting for the head (本院落) or cadre (本村); 通过 or 退回 with a reason. */
export function ListingsPage() {
  const { message } = AntApp.useApp();
  const [items, setItems] = useState<TListing[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<TListing | null>(null);
  const [reason, setReason] = useState('');
  const [rejectError, setRejectError] = useState('');

  const load = useCallback(async () => {
    try {
      setItems((await call(E.listingReviewQueue)).listings);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const approve = async (l: TListing) => {
    setBusy(l.id);
    try {
      await call(E.reviewListing, { params: { id: l.id }, body: { decision: 'approve' } });
      void message.success(`「${l.title}」已上架`);
      await load();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const reject = async () => {
    if (!rejecting) return;
    try {
      await call(E.reviewListing, { params: { id: rejecting.id }, body: { decision: 'reject', reason: reason.trim() } });
      void message.success('已退回');
      setRejecting(null);
      await load();
    } catch (e) {
      setRejectError(messageOf(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Table<TListing>
        rowKey="id"
        size="middle"
        dataSource={items}
        pagination={{ pageSize: 20 }}
        data-testid="listings-table"
        locale={{ emptyText: '没有待审核的商品' }}
        columns={[
          { title: '商品', dataIndex: 'title', render: (v: string) => <span data-testid="listing-title">{v}</span> },
          { title: '卖家', render: (_, l) => `${l.seller.name}（${l.courtyard.name}）` },
          { title: '价格', render: (_, l) => `${yuan(l.priceFen)}/${l.unit}` },
          { title: '数量', dataIndex: 'quantity', width: 80 },
          { title: '说明', dataIndex: 'description', ellipsis: true },
          {
            title: '',
            width: 150,
            render: (_, l) => (
              <Space>
                <Button type="primary" size="small" loading={busy === l.id} onClick={() => void approve(l)} data-testid="listing-approve">
                  通过
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    setRejecting(l);
                    setReason('');
                    setRejectError('');
                  }}
                >
                  退回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title={`退回「${rejecting?.title ?? ''}」`}
        okText="退回"
        cancelText="取消"
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
      >
        {rejectError ? <Alert type="error" showIcon message={rejectError} style={{ marginBottom: 8 }} /> : null}
        <Typography.Text>请写明退回原因，卖家会收到通知：</Typography.Text>
        <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="listing-reason" />
      </Modal>
    </Space>
  );
}

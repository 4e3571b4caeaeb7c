import { Alert, App as AntApp, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useEffect, useState } from 'react';
import * as E from '../../../shared/contracts/endpoints';
import type { z } from 'zod';
import type { ZRequestSettings } from '../../../shared/contracts/requests';
import { call, messageOf } from '../api';
import { useScope } from '../scope';

type TSettings = z.infer<typeof ZRequestSettings>;

const FIELDS: { name: keyof TSettings; label: string; unit: string; max: number; min: number }[] = [
  { name: 'acceptHours', label: '受理时限', unit: '小时', min: 1, max: 720 },
  { name: 'resolveHours', label: '办结时限', unit: '小时', min: 1, max: 8760 },
  { name: 'reopenDays', label: '办结后可重新打开', unit: '天', min: 0, max: 90 },
  { name: 'sosAckMinutes', label: '一键呼叫响应', unit: '分钟', min: 1, max: 120 },
];

/** 时限设置: the village's 找院长 time limits (村干部). */
export function SlaPage() {
  const { villageId } = useScope();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TSettings>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!villageId) return;
    call(E.getRequestSettings, { params: { villageId } }).then(
      (s) => {
        form.setFieldsValue(s);
        setLoaded(true);
      },
      (e) => setError(messageOf(e)),
    );
  }, [villageId, form]);

  const save = async (values: TSettings) => {
    if (!villageId) return;
    setSaving(true);
    setError('');
    try {
      form.setFieldsValue(await call(E.updateRequestSettings, { params: { villageId }, body: values }));
      void message.success('已保存');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="找院长时限设置" style={{ maxWidth: 560 }}>
      {error ? <Alert type="error" showIcon message={error} data-testid="sla-error" style={{ marginBottom: 12 }} /> : null}
      {!loaded && !error ? <Spin /> : null}
      <Form form={form} layout="horizontal" labelCol={{ span: 9 }} onFinish={(v) => void save(v)} hidden={!loaded} data-testid="sla-form">
        {FIELDS.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={[{ required: true, message: `请填写${f.label}` }]}>
            <InputNumber min={f.min} max={f.max} precision={0} addonAfter={f.unit} data-testid={`sla-${f.name}`} />
          </Form.Item>
        ))}
        <Form.Item wrapperCol={{ offset: 9 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="sla-save">
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

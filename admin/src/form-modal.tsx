/**
 * A form in a dialog that saves: validates, runs `onSave`, says 已保存 (or the server's
 * message) and closes on success. The pages' 新增/修改 dialogs.
 */
import { Form, Modal, message, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { messageOf } from './api';

type TProps<T> = {
  title: string;
  open: boolean;
  form: FormInstance<T>;
  testId: string;
  onSave: (values: T) => Promise<unknown>;
  onClose: () => void;
  done?: string;
  children: ReactNode;
};

export function FormModal<T>({ title, open, form, testId, onSave, onClose, done = '已保存', children }: TProps<T>) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await onSave(values);
      void message.success(done);
      onClose();
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title={title} open={open} onOk={() => void save().catch(() => undefined)} okText="保存" confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}

import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { problemMessage } from '../../../shared/ui/problemMessage';

/**
 * A create/edit dialog for one admin item: the form's values go to `save`; a 400 puts the server's messages on the
 * fields it names (nested names like weekly[2].close included), anything else shows as a message.
 */
export function EditModal<V extends object>({
  open,
  title,
  initial,
  onClose,
  save,
  saving,
  testId,
  width = 560,
  children,
}: {
  open: boolean;
  title: string;
  initial: Partial<V>;
  onClose: () => void;
  save: (values: V) => Promise<unknown>;
  saving: boolean;
  testId: string;
  width?: number;
  children: (form: FormInstance<V>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial as never);
    }
  }, [open, initial, form]);

  const submit = async (values: V) => {
    try {
      await save(values);
      void message.success(t('adm.saved'));
      onClose();
    } catch (e) {
      const errors = isApiError(e, 400) ? (e.problem.errors ?? {}) : {};
      const fields = Object.entries(errors).map(([name, messages]) => ({ name: toPath(name), errors: messages }));
      const known = fields.filter((f) => form.getFieldInstance(f.name as never) !== undefined || f.name.length > 1);
      if (known.length) form.setFields(known as never);
      void message.error(problemMessage(e, t));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('adm.save')}
      cancelText={t('adm.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': `${testId}-save` } as never}
      destroyOnHidden
      styles={{ body: { maxHeight: '62vh', overflowY: 'auto' } }}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid={testId} preserve={false}>
        {children(form)}
      </Form>
    </Modal>
  );
}

/** "weekly[2].close" → ['weekly', 2, 'close']; "name" → ['name']. */
export function toPath(name: string): (string | number)[] {
  return name
    .split(/[.[\]]/)
    .filter((p) => p.length > 0)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.charAt(0).toLowerCase() + p.slice(1)));
}

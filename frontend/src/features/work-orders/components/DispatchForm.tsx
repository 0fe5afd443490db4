import { ToolOutlined } from '@ant-design/icons';
import { newKey } from '../../../shared/api/newKey';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/fieldErrors';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { WORK_ORDER_TYPES, type WorkOrderType } from '../api/types';
import { useDispatchWorkOrder, type Dispatched } from '../api/useWorkOrderCommands';

interface Props {
  /** The call it is dispatched from (the agent then goes to after-call work, R-STATE-4). */
  callId?: string | null;
  /** The customer the pop identified or the agent chose. */
  customer: { id: string; name: string } | null;
  /** The call has no tag yet: suggest the purpose "work-order-dispatched". */
  untagged?: boolean;
}

interface Fields {
  type: WorkOrderType;
  description: string;
}

/** R-SVC-3: dispatch a fault-repair, installation or delivery work order for the caller, from the call tab. */
export function DispatchForm({ callId, customer, untagged = false }: Props) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const [form] = Form.useForm<Fields>();
  const dispatch = useDispatchWorkOrder();
  const [done, setDone] = useState<Dispatched | null>(null);
  // the same key until the dispatch succeeds: a second click or a retry after a lost answer creates one work order
  const [key, setKey] = useState(newKey);

  const submit = ({ type, description }: Fields) => {
    if (!customer) return;
    dispatch.mutate(
      { customerId: customer.id, type, description: description.trim(), callId, idempotencyKey: key },
      {
        onSuccess: (d) => setDone(d),
        onError: (e) => form.setFields(fieldErrors(e, ['type', 'description'] as const)),
      },
    );
  };
  const again = () => {
    setDone(null);
    setKey(newKey());
    dispatch.reset();
    form.resetFields();
  };
  const generalError = dispatch.isError && fieldErrors(dispatch.error, ['type', 'description'] as const).length === 0;

  return (
    <Card size="small" title={<Space><ToolOutlined />{t('woDispatch.title')}</Space>} data-testid="wo-dispatch">
      {done ? (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            data-testid="wo-dispatched"
            data-serial={done.serial}
            title={t('woDispatch.done', { serial: done.serial })}
            description={untagged ? <span data-testid="wo-tag-hint">{t('woDispatch.tagHint')}</span> : undefined}
          />
          <Button onClick={again} data-testid="wo-dispatch-another">
            {t('woDispatch.another')}
          </Button>
        </Space>
      ) : !customer ? (
        <Typography.Text type="secondary" data-testid="wo-dispatch-no-customer">
          {t('woDispatch.chooseCustomer')}
        </Typography.Text>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ type: 'fault', description: '' }} onFinish={submit} requiredMark={false}>
          <Form.Item label={t('wo.customer')}>
            <Typography.Text strong data-testid="wo-dispatch-customer" data-customer-id={customer.id}>
              {customer.name}
            </Typography.Text>
          </Form.Item>
          <Form.Item name="type" label={t('wo.type')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="wo-dispatch-type">
              {WORK_ORDER_TYPES.map((type) => (
                <Radio.Button key={type} value={type} data-testid={`wo-type-${type}`}>
                  {code('woType', type)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="description"
            label={t('wo.description')}
            extra={t('woDispatch.keyboardHint')}
            rules={[{ required: true, whitespace: true, max: 2000, message: t('woDispatch.descriptionRequired') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              showCount
              data-testid="wo-dispatch-description"
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
              }}
            />
          </Form.Item>
          {generalError && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="wo-dispatch-error" title={problemMessage(dispatch.error, t)} />
          )}
          <Button type="primary" htmlType="submit" loading={dispatch.isPending} data-testid="wo-dispatch-submit">
            {t('woDispatch.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

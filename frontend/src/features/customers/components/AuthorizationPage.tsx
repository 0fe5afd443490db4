import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAuthorizationCommands, useCustomerAuthorizations, type AuthorizationDevice } from '../api/useAuthorizations';
import { AuthorizationHistory, useCenterDateTime } from './CustomerChanges';
import { CustomerSearch } from './CustomerSearch';

const MAX_DAYS = 7;

/**
 * Service support → Authorization (R-SVC-2): find the customer, re-authorise the smart card or a modem by its MAC
 * address, grant a customer suspended for arrears a few days of service, and see the history.
 */
export function AuthorizationPage() {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="authorization-page">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('authorization.intro')}
      </Typography.Paragraph>
      {customerId ? (
        <CustomerAuthorizationPanel customerId={customerId} onBack={() => setCustomerId(null)} />
      ) : (
        <CustomerSearch onPick={setCustomerId} pickLabel={t('authorization.choose')} />
      )}
    </Space>
  );
}

function CustomerAuthorizationPanel({ customerId, onBack }: { customerId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const at = useCenterDateTime();
  const customer = useQuery({
    queryKey: ['customer', customerId],
    queryFn: ({ signal }) => apiGet<Customer>(`/api/customers/${encodeURIComponent(customerId)}`, signal),
  });
  const auth = useCustomerAuthorizations(customerId);
  const c = customer.data;
  const suspended = (auth.data?.status ?? c?.status) === 'suspended-arrears';
  const temporaryUntil = auth.data?.temporaryUntil ?? null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={`authorization-${customerId}`}>
      <Button onClick={onBack} data-testid="authorization-back">
        {t('authorization.back')}
      </Button>
      {(customer.isError || auth.isError) && <Alert type="error" showIcon title={problemMessage(customer.error ?? auth.error, t)} />}
      {c && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'name', label: t('customer.name'), children: `${c.name} (${c.id})` },
            {
              key: 'status',
              label: t('customer.status'),
              children: (
                <Space size={4} wrap>
                  <Tag color={c.status === 'active' ? 'green' : 'red'} data-testid="authorization-status">
                    {code('customerStatus', c.status)}
                  </Tag>
                  {temporaryUntil && (
                    <Tag color="orange" data-testid="authorization-temporary-until">
                      {t('authorization.temporaryUntil', { until: at(temporaryUntil) })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'arrears', label: t('customer.arrears'), children: `¥${c.arrears.toFixed(2)}` },
            { key: 'card', label: t('customer.smartCard'), children: c.smartCard ?? '—' },
            { key: 'service', label: t('customer.serviceType'), children: code('serviceType', c.serviceType) },
          ]}
        />
      )}
      {c && (
        <Space align="start" wrap size={12} style={{ width: '100%' }}>
          <ReauthorizeCard customerId={customerId} hasCard={!!c.smartCard} blocked={suspended && !temporaryUntil} />
          {suspended && <TemporaryCard customerId={customerId} running={!!temporaryUntil} />}
        </Space>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('authorization.history')}
      </Typography.Title>
      <AuthorizationHistory changes={auth.data?.history} loading={auth.isLoading} />
    </Space>
  );
}

function ReauthorizeCard({ customerId, hasCard, blocked }: { customerId: string; hasCard: boolean; blocked: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reauthorize } = useAuthorizationCommands(customerId);
  const [form] = Form.useForm<{ device: AuthorizationDevice; mac?: string; reason?: string }>();
  const device = Form.useWatch('device', form);
  return (
    <Card size="small" title={t('authorization.reauthorize')} style={{ width: 360, maxWidth: '100%' }} data-testid="reauthorize-card">
      {blocked && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('authorization.suspendedFirst')} />}
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ device: hasCard ? 'smart-card' : 'mac' }}
        onFinish={(v) =>
          reauthorize.mutate(v, {
            onSuccess: () => {
              void message.success(t('authorization.reauthorized'));
              form.resetFields(['mac', 'reason']);
            },
          })
        }
      >
        <Form.Item name="device" label={t('authorization.deviceLabel')}>
          <Radio.Group data-testid="reauthorize-device">
            <Radio value="smart-card" disabled={!hasCard}>
              {t('authorization.device.smart-card')}
            </Radio>
            <Radio value="mac">{t('authorization.device.mac')}</Radio>
          </Radio.Group>
        </Form.Item>
        {device === 'mac' && (
          <Form.Item
            name="mac"
            label={t('authorization.mac')}
            rules={[{ required: true, pattern: /^\s*([0-9A-Fa-f]{2}[:\-.]?){5}[0-9A-Fa-f]{2}\s*$|^\s*[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\s*$/, message: t('authorization.macInvalid') }]}
          >
            <Input placeholder="00:1A:2B:3C:4D:5E" data-testid="reauthorize-mac" maxLength={17} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('authorization.reason')}>
          <Input maxLength={200} data-testid="reauthorize-reason" />
        </Form.Item>
        {reauthorize.isError && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={problemMessage(reauthorize.error, t)} />}
        <Button type="primary" htmlType="submit" loading={reauthorize.isPending} disabled={blocked} data-testid="reauthorize-submit">
          {t('authorization.reauthorize')}
        </Button>
      </Form>
    </Card>
  );
}

function TemporaryCard({ customerId, running }: { customerId: string; running: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { temporary } = useAuthorizationCommands(customerId);
  const [form] = Form.useForm<{ days: number; reason: string }>();
  return (
    <Card size="small" title={t('authorization.temporary')} style={{ width: 360, maxWidth: '100%' }} data-testid="temporary-card">
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ days: 3 }}
        onFinish={(v) => temporary.mutate(v, { onSuccess: () => void message.success(t('authorization.granted')) })}
      >
        <Form.Item name="days" label={t('authorization.days', { max: MAX_DAYS })} rules={[{ required: true, type: 'number', min: 1, max: MAX_DAYS }]}>
          <InputNumber min={1} max={MAX_DAYS} data-testid="temporary-days" />
        </Form.Item>
        <Form.Item name="reason" label={t('authorization.reason')} rules={[{ required: true, whitespace: true, message: t('authorization.reasonRequired') }]}>
          <Input maxLength={200} placeholder={t('authorization.reasonHint')} data-testid="temporary-reason" />
        </Form.Item>
        {temporary.isError && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={problemMessage(temporary.error, t)} />}
        <Button type="primary" htmlType="submit" loading={temporary.isPending} disabled={running} data-testid="temporary-submit">
          {t('authorization.grant')}
        </Button>
      </Form>
    </Card>
  );
}

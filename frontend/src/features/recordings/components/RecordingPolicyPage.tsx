import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPut } from '../../../shared/api/client';
import { problemMessage } from '../../../shared/ui/problemMessage';

export interface RecordingRule {
  scope: 'default' | 'direction' | 'queue' | 'team';
  key: string | null;
  mode: 'all' | 'none' | 'share';
  sharePercent: number;
}
export interface RecordingPolicy {
  rules: RecordingRule[];
  retentionDays: number;
}

const KEY = ['recordings', 'policy'] as const;

/** Admins: which calls are recorded — per queue, team and direction (all, none or a share) — and how long recordings are kept. */
export function RecordingPolicyPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const policy = useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiGet<RecordingPolicy>('/api/recordings/policy', signal) });
  const save = useMutation({
    mutationFn: (p: RecordingPolicy) => apiPut<RecordingPolicy>('/api/recordings/policy', p),
    onSuccess: (p) => client.setQueryData(KEY, p),
  });
  const [form] = Form.useForm<RecordingPolicy>();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  if (policy.isLoading) return <Spin />;
  return (
    <Card size="small" title={t('recordingPolicy.title')} data-testid="recording-policy">
      <Typography.Paragraph type="secondary">{t('recordingPolicy.hint')}</Typography.Paragraph>
      {(policy.error || save.error) && <Alert type="error" showIcon message={problemMessage(policy.error ?? save.error, t)} style={{ marginBottom: 12 }} />}
      {save.isSuccess && <Alert type="success" showIcon message={t('recordingPolicy.saved')} style={{ marginBottom: 12 }} data-testid="recording-policy-saved" />}
      <Form<RecordingPolicy>
        form={form}
        onFinish={(p) =>
          save.mutate({
            retentionDays: p.retentionDays,
            rules: (p.rules ?? []).map((r) => ({
              scope: r.scope,
              key: r.scope === 'default' ? null : (r.key ?? '').trim(),
              mode: r.mode,
              sharePercent: r.mode === 'share' ? r.sharePercent : 100,
            })),
          })
        }
      >
        <Form.List name="rules">
          {(rules, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {rules.map((r) => (
                <Space key={r.key} align="baseline" wrap data-testid={`recording-rule-${r.name}`}>
                  <Form.Item name={[r.name, 'scope']} label={t('recordingPolicy.scope')}>
                    <Select
                      style={{ width: 130 }}
                      data-testid={`recording-rule-scope-${r.name}`}
                      options={['default', 'direction', 'queue', 'team'].map((s) => ({ value: s, label: t(`recordingPolicy.scopes.${s}`) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const scope = form.getFieldValue(['rules', r.name, 'scope']) as RecordingRule['scope'];
                      if (scope === 'default') return null;
                      return (
                        <Form.Item name={[r.name, 'key']} label={t('recordingPolicy.key')} rules={[{ required: true, message: t('recordingPolicy.keyRequired') }]}>
                          {scope === 'direction' ? (
                            <Select style={{ width: 130 }} options={['inbound', 'outbound'].map((d) => ({ value: d, label: t(`recordingPolicy.directions.${d}`) }))} />
                          ) : (
                            <Input style={{ width: 150 }} data-testid={`recording-rule-key-${r.name}`} placeholder={t(`recordingPolicy.keyHint.${scope}`)} />
                          )}
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                  <Form.Item name={[r.name, 'mode']} label={t('recordingPolicy.mode')}>
                    <Select
                      style={{ width: 120 }}
                      data-testid={`recording-rule-mode-${r.name}`}
                      options={['all', 'none', 'share'].map((m) => ({ value: m, label: t(`recordingPolicy.modes.${m}`) }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['rules', r.name, 'mode']) === 'share' ? (
                        <Form.Item name={[r.name, 'sharePercent']} label={t('recordingPolicy.share')}>
                          <InputNumber min={0} max={100} addonAfter="%" style={{ width: 110 }} data-testid={`recording-rule-share-${r.name}`} />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('recordingPolicy.remove')} onClick={() => remove(r.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} data-testid="recording-rule-add" onClick={() => add({ scope: 'queue', key: '', mode: 'share', sharePercent: 50 })}>
                {t('recordingPolicy.addRule')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Form.Item name="retentionDays" label={t('recordingPolicy.retentionDays')} style={{ marginTop: 16 }}>
          <InputNumber min={1} max={3650} style={{ width: 120 }} data-testid="recording-retention" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="recording-policy-save">
          {t('recordingPolicy.save')}
        </Button>
      </Form>
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPut } from '../../../shared/api/client';
import { problemMessage } from '../../../shared/ui/problemMessage';

/** GET|PUT /api/teams/{teamId}/thresholds: seconds (null: not watched) and a number of waiting calls. */
interface Thresholds {
  talkSeconds: number | null;
  holdSeconds: number | null;
  wrapUpSeconds: number | null;
  notReadySeconds: number | null;
  waitingCalls: number | null;
}

const minuteFields = ['talkSeconds', 'holdSeconds', 'wrapUpSeconds', 'notReadySeconds'] as const;
const toMinutes = (s: number | null) => (s == null ? null : Math.round((s / 60) * 10) / 10);
const toSeconds = (m: number | null | undefined) => (m == null ? null : Math.max(1, Math.round(m * 60)));

/** R-SUP-6: the team's notification thresholds, set by its supervisors (admins: any team). */
export function TeamThresholdsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => apiGet<{ id: string; name: string; supervisors: string[] }[]>('/api/teams', signal) });
  const [teamId, setTeamId] = useState<string | null>(null);
  useEffect(() => {
    if (!teamId && teams.data?.length) setTeamId(teams.data[0].id);
  }, [teamId, teams.data]);
  const key = ['team-thresholds', teamId] as const;
  const current = useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<Thresholds>(`/api/teams/${encodeURIComponent(teamId!)}/thresholds`, signal), enabled: !!teamId });
  const [form] = Form.useForm();
  useEffect(() => {
    if (current.data)
      form.setFieldsValue({ ...Object.fromEntries(minuteFields.map((f) => [f, toMinutes(current.data[f])])), waitingCalls: current.data.waitingCalls });
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (v: Record<string, number | null>) =>
      apiPut<Thresholds>(`/api/teams/${encodeURIComponent(teamId!)}/thresholds`, {
        ...Object.fromEntries(minuteFields.map((f) => [f, toSeconds(v[f])])),
        waitingCalls: v.waitingCalls ?? null,
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void message.success(t('thresholds.saved'));
    },
    onError: (e) => void message.error(problemMessage(e, t)),
  });
  return (
    <Card size="small" title={t('thresholds.title')} data-testid="team-thresholds" style={{ maxWidth: 560 }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('thresholds.hint')}</Typography.Text>
        <Select
          data-testid="thresholds-team"
          aria-label={t('thresholds.team')}
          style={{ width: 240 }}
          value={teamId ?? undefined}
          onChange={setTeamId}
          loading={teams.isLoading}
          options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
        />
        {current.error && <Alert type="error" showIcon title={problemMessage(current.error, t)} />}
        <Form form={form} layout="horizontal" labelCol={{ span: 12 }} wrapperCol={{ span: 12 }} onFinish={(v) => save.mutate(v)} disabled={!teamId}>
          {minuteFields.map((f) => (
            <Form.Item key={f} name={f} label={t(`thresholds.${f}`)}>
              <InputNumber min={0.1} max={1440} step={0.5} addonAfter={t('thresholds.minutes')} data-testid={`thresholds-${f}`} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item name="waitingCalls" label={t('thresholds.waitingCalls')}>
            <InputNumber min={1} max={10000} step={1} precision={0} data-testid="thresholds-waitingCalls" style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="thresholds-save">
            {t('thresholds.save')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

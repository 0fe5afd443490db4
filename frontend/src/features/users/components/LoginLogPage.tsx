import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../shared/api/download';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { loginLogQuery, useLoginLog, type LoginAttempt, type LoginLogFilter } from '../api/loginLog';

/** R-LOGIN-1: every login attempt, filtered by name, time, result and address; Excel export of what is shown. */
export function LoginLogPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<LoginLogFilter>({ username: '', from: '', to: '', succeeded: '', ip: '' });
  const log = useLoginLog(filter);
  const set = (patch: Partial<LoginLogFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Card size="small" title={t('loginLog.title')} data-testid="login-log-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('loginLog.username')} onSearch={(v) => set({ username: v.trim() })} style={{ width: 180 }} data-testid="login-log-username" />
        <DatePicker.RangePicker
          showTime
          aria-label={t('loginLog.range')}
          onChange={(v) => set({ from: v?.[0] ? v[0].toISOString() : '', to: v?.[1] ? v[1].toISOString() : '' })}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        />
        <Select
          value={filter.succeeded}
          onChange={(v) => set({ succeeded: v })}
          style={{ width: 140 }}
          aria-label={t('loginLog.result')}
          data-testid="login-log-result"
          options={[
            { value: '', label: t('loginLog.all') },
            { value: 'true', label: t('loginLog.succeeded') },
            { value: 'false', label: t('loginLog.failed') },
          ]}
        />
        <Input.Search allowClear placeholder={t('loginLog.ip')} onSearch={(v) => set({ ip: v.trim() })} style={{ width: 160 }} data-testid="login-log-ip" />
        <Button
          icon={<DownloadOutlined />}
          data-testid="login-log-export"
          onClick={() => void downloadFile(`/api/login-log?${loginLogQuery(filter)}&format=xlsx`, 'login-log.xlsx').catch((e) => message.error(problemMessage(e, t)))}
        >
          {t('users.export')}
        </Button>
      </Space>
      {log.isError && <Alert type="error" showIcon title={problemMessage(log.error, t)} />}
      <LoginTable rows={log.data ?? []} loading={log.isLoading} language={i18n.language} showUser />
    </Card>
  );
}

function LoginTable({ rows, loading, language, showUser }: { rows: LoginAttempt[]; loading: boolean; language: string; showUser?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<LoginAttempt>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      onRow={() => ({ 'data-testid': 'login-attempt' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'at', title: t('loginLog.at'), render: (_, r) => new Date(r.at).toLocaleString(language) },
        ...(showUser ? [{ key: 'user', title: t('loginLog.username'), render: (_: unknown, r: LoginAttempt) => r.username }] : []),
        { key: 'ip', title: t('loginLog.ip'), render: (_, r) => r.ip ?? '—' },
        {
          key: 'result',
          title: t('loginLog.result'),
          render: (_, r) =>
            r.succeeded ? <Tag color="green">{t('loginLog.succeeded')}</Tag> : <Tag color="red">{t(`loginLog.failures.${(r.failure ?? 'failed').replace(/ /g, '-')}`, { defaultValue: r.failure ?? '' })}</Tag>,
        },
        ...(showUser ? [{ key: 'groups', title: t('users.skillGroups'), render: (_: unknown, r: LoginAttempt) => r.skillGroups.join(', ') }] : []),
      ]}
    />
  );
}

import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useMyLogins, type MyLogin } from '../api/myAccount';

/** R-ME-1: my login log as a page. */
export function MyLoginLog() {
  const { t, i18n } = useTranslation();
  const logins = useMyLogins();
  return (
    <Card size="small" title={t('menu.loginLog')} style={{ maxWidth: 720 }} data-testid="my-login-log">
      {logins.isError && <Alert type="error" showIcon title={problemMessage(logins.error, t)} />}
      <Table<MyLogin>
        size="small"
        rowKey={(r) => `${r.at}-${r.ip ?? ''}`}
        loading={logins.isLoading}
        dataSource={logins.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        onRow={() => ({ 'data-testid': 'my-login' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'at', title: t('loginLog.at'), render: (_, r) => new Date(r.at).toLocaleString(i18n.language) },
          { key: 'ip', title: t('loginLog.ip'), render: (_, r) => r.ip ?? '—' },
          {
            key: 'result',
            title: t('loginLog.result'),
            render: (_, r) =>
              r.succeeded ? (
                <Tag color="green">{t('loginLog.succeeded')}</Tag>
              ) : (
                <Tag color="red">{t(`loginLog.failures.${(r.failure ?? 'failed').replace(/ /g, '-')}`, { defaultValue: r.failure ?? '' })}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

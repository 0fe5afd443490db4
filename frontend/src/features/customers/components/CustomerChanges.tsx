import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenterZone } from '../../../shared/settings/useCenterZone';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useCustomerAuthorizations, type AuthorizationChange } from '../api/useAuthorizations';

/** "2026-12-03 09:15" in the center's zone. */
export function useCenterDateTime() {
  const { timeZone } = useCenterZone();
  return (iso: string | null) => {
    if (!iso) return '—';
    try {
      return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
    } catch {
      return iso;
    }
  };
}

/** What changed, in words: "Smart card 8001… re-authorised", "Temporary authorisation, 3 days". */
export function useChangeText() {
  const { t } = useTranslation();
  const at = useCenterDateTime();
  return (c: AuthorizationChange) =>
    c.kind === 'temporary'
      ? t('authorization.temporaryText', { days: c.days, until: at(c.until) })
      : t('authorization.reauthorizedText', { device: t(`authorization.device.${c.device}`), identifier: c.identifier });
}

/** R-SVC-1 "changes": a customer's authorisation history (R-SVC-2), newest first. */
export function CustomerChanges({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const history = useCustomerAuthorizations(customerId);
  if (history.isError) return <Alert type="error" showIcon title={problemMessage(history.error, t)} />;
  return <AuthorizationHistory changes={history.data?.history} loading={history.isLoading} />;
}

export function AuthorizationHistory({ changes, loading }: { changes: AuthorizationChange[] | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const at = useCenterDateTime();
  const text = useChangeText();
  return (
    <Table<AuthorizationChange>
      size="small"
      data-testid="authorization-history"
      loading={loading}
      rowKey={(c) => `${c.at}-${c.kind}-${c.identifier ?? c.days}`}
      dataSource={changes ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: t('authorization.noChanges') }}
      columns={[
        { key: 'at', title: t('authorization.at'), render: (_, c) => at(c.at), width: 150 },
        {
          key: 'kind',
          title: t('authorization.kind'),
          render: (_, c) => <Tag color={c.kind === 'temporary' ? 'orange' : 'blue'}>{t(`authorization.kinds.${c.kind}`)}</Tag>,
        },
        { key: 'what', title: t('authorization.what'), render: (_, c) => text(c) },
        { key: 'reason', title: t('authorization.reason'), render: (_, c) => c.reason ?? <Typography.Text type="secondary">—</Typography.Text> },
        { key: 'by', title: t('authorization.by'), dataIndex: 'by' },
      ]}
    />
  );
}

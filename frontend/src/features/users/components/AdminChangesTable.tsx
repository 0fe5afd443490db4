import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAdminChanges, type AdminChange } from '../api/users';

/** What one change did, as text (never HTML). */
function describe(c: AdminChange, label: (field: string) => string): string {
  if (c.change.changes)
    return Object.entries(c.change.changes)
      .map(([field, [before, after]]) => `${label(field)}: ${before ?? '—'} → ${after ?? '—'}`)
      .join('; ');
  const { at: _at, ...rest } = c.change;
  return Object.entries(rest)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${label(k)}: ${Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

/** The admin-change trail (auditors, admins): of a user, of a team, or all (subject {}). */
export function AdminChangesTable({ subject }: { subject: { userId?: string; teamId?: string } }) {
  const { t, i18n } = useTranslation();
  const changes = useAdminChanges(subject);
  if (changes.isError) return <Alert type="error" showIcon title={problemMessage(changes.error, t)} />;
  return (
    <Table<AdminChange>
      size="small"
      rowKey={(c) => `${c.stream}-${c.at}-${c.type}`}
      loading={changes.isLoading}
      dataSource={changes.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      onRow={() => ({ 'data-testid': 'admin-change' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'at', title: t('users.changeAt'), render: (_, c) => new Date(c.at).toLocaleString(i18n.language) },
        { key: 'actor', title: t('users.changeBy'), dataIndex: 'actor' },
        { key: 'subject', title: t('users.changeSubject'), dataIndex: 'stream' },
        { key: 'type', title: t('users.changeType'), render: (_, c) => <Tag>{t(`users.changeTypes.${c.type}`, { defaultValue: c.type })}</Tag> },
        { key: 'what', title: t('users.changeWhat'), render: (_, c) => <Typography.Text>{describe(c, (f) => t(`users.fields.${f}`, { defaultValue: f }))}</Typography.Text> },
      ]}
    />
  );
}

import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminChangesTable } from './AdminChangesTable';

/** Every admin change to users, teams, skill groups and queues (auditors, admins): who changed what, when. */
export function AdminChangesPage() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('menu.adminChanges')} data-testid="admin-changes-page">
      <AdminChangesTable subject={{}} />
    </Card>
  );
}

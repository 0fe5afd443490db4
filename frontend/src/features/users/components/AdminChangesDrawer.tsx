import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminChangesTable } from './AdminChangesTable';

/** The trail of one user or team: who changed what, when. */
export function AdminChangesDrawer({ subject, title, onClose }: { subject: { userId?: string; teamId?: string } | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={!!subject} onClose={onClose} title={t('users.historyOf', { id: title })} size="large">
      {subject && <AdminChangesTable subject={subject} />}
    </Drawer>
  );
}

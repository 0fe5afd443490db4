import { NotificationOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Drawer, Empty, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { useAnnouncements, useMarkRead } from '../api/useAnnouncements';
import styles from './AnnouncementStrip.module.css';

export const STRIP_LINES = 3;

/** Announcement area (R-UI-5): titles only, 3 lines; "show all" opens the full list. */
export function AnnouncementStrip() {
  const { t, i18n } = useTranslation();
  const { data = [], isError } = useAnnouncements();
  const [open, setOpen] = useState(false);
  const markRead = useMarkRead();
  const recordsReads = hasAnyRole(useMe().data, 'agent', 'supervisor', 'admin'); // read-only roles only read
  const unread = data.filter((a) => a.read === false).map((a) => a.id);
  const unreadKey = unread.join(',');
  useEffect(() => {
    if (open && recordsReads && unreadKey && !markRead.isPending) markRead.mutate(unreadKey.split(','));
    // once per opening and per new set of unread ones
  }, [open, unreadKey, recordsReads]);
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className={styles.strip} aria-label={t('announcements.title')} data-testid="announcement-strip">
      <div className={styles.heading}>
        <NotificationOutlined aria-hidden />
        <span>{t('announcements.title')}</span>
      </div>
      <ul className={styles.titles}>
        {data.length === 0 && (
          <li className={styles.muted}>{isError ? t('announcements.unavailable') : t('announcements.empty')}</li>
        )}
        {data.slice(0, STRIP_LINES).map((a) => (
          <li key={a.id} className={a.urgent ? styles.urgent : undefined} data-testid="announcement-title" data-id={a.id} data-read={a.read !== false}>
            {a.urgent && <WarningFilled aria-label={t('announcements.urgent')} />}
            <span className={styles.titleText} title={a.title}>
              {a.title}
            </span>
            <span className={styles.date}>{date(a.publishedAt)}</span>
          </li>
        ))}
      </ul>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid="announcements-show-all" className={styles.more}>
        {t('announcements.showAll', { count: data.length })}
      </Button>
      <Drawer
        title={t('announcements.title')}
        open={open}
        onClose={() => setOpen(false)}
        size={520}
        data-testid="announcements-drawer"
      >
        {data.length === 0 ? (
          <Empty description={t('announcements.empty')} />
        ) : (
          <ol className={styles.fullList}>
            {data.map((a) => (
              <li key={a.id} data-testid="announcement-item" data-id={a.id} className={styles.fullItem}>
                <div className={styles.itemTitle}>
                  {a.urgent && <Tag color="red">{t('announcements.urgent')}</Tag>}
                  <Typography.Text strong>{a.title}</Typography.Text>
                </div>
                <Typography.Text type="secondary" className={styles.itemDate}>
                  {date(a.publishedAt)}
                </Typography.Text>
                <Typography.Paragraph className={styles.itemBody}>{a.body}</Typography.Paragraph>
              </li>
            ))}
          </ol>
        )}
      </Drawer>
    </section>
  );
}

import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AlarmStatus } from '../../../shared/api/alarmTypes';
import { useAreaName } from '../../../shared/ui/areaName';
import { useWindowText } from '../api/alarmText';
import { useActiveAlarms } from '../api/useActiveAlarms';
import styles from './AlarmBanner.module.css';

const alertType = { 1: 'error', 2: 'warning', 3: 'warning' } as const;

/** R-ALARM-2: one alert per area with a raised outage alarm, on every desktop page, most severe first. */
export function AlarmBanner() {
  const { t } = useTranslation();
  const alarms = (useActiveAlarms().data ?? []).filter((a) => a.level > 0);
  if (alarms.length === 0) return null;
  return (
    <section className={styles.banner} aria-label={t('alarms.bannerLabel')} aria-live="assertive" data-testid="alarm-banner">
      {alarms.map((a) => (
        <AlarmAlert key={a.area} alarm={a} />
      ))}
    </section>
  );
}

function AlarmAlert({ alarm: a }: { alarm: AlarmStatus }) {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const windowText = useWindowText();
  const level = Math.min(Math.max(a.level, 1), 3) as 1 | 2 | 3;
  const since = a.since ? new Date(a.since).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <Alert
      role="alert"
      showIcon
      type={alertType[level]}
      className={`${styles.alert} ${styles[`level${level}`]}`}
      data-testid={`alarm-${a.area}`}
      data-level={level}
      title={
        <span>
          {t('alarms.bannerText', {
            area: areaName(a.area, a.areaName),
            level: t(`alarms.level${level}`),
            window: windowText(a.windowMinutes),
            count: a.count,
          })}
          {since && <span className={styles.since}>{t('alarms.since', { time: since })}</span>}
        </span>
      }
    />
  );
}

import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmStatus } from '../../../shared/api/alarmTypes';
import { useAreaName } from '../../../shared/ui/areaName';
import { useWindowText } from '../api/alarmText';
import { useActiveAlarms } from '../api/useActiveAlarms';
import styles from './AlarmBanner.module.css';

const alertType = { 1: 'error', 2: 'warning', 3: 'warning' } as const;

/**
 * R-ALARM-2: one alert per area with a raised outage alarm, on every desktop page, most severe first, side by side
 * where they fit. The agent may collapse them to one line; a new or more severe alarm opens them again.
 */
export function AlarmBanner() {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const alarms = (useActiveAlarms().data ?? []).filter((a) => a.level > 0);
  const [collapsedAt, setCollapsedAt] = useState<string | null>(null);
  if (alarms.length === 0) return null;
  // What was showing when collapsed: areas and levels. Anything new or more severe is another signature.
  const signature = alarms.map((a) => `${a.area}:${a.level}`).join(',');
  const collapsed = collapsedAt !== null && !raisedSince(collapsedAt, alarms);
  const worst = alarms[0];
  const level = Math.min(Math.max(worst.level, 1), 3) as 1 | 2 | 3;
  return (
    <section
      className={`${styles.banner} ${collapsed ? styles.collapsed : ''}`}
      aria-label={t('alarms.bannerLabel')}
      aria-live="assertive"
      data-testid="alarm-banner"
      data-collapsed={collapsed}
    >
      {collapsed ? (
        <Alert
          showIcon
          type={alertType[level]}
          className={`${styles.alert} ${styles[`level${level}`]}`}
          data-testid="alarms-summary"
          title={t('alarms.collapsedText', { count: alarms.length, area: areaName(worst.area, worst.areaName), level: t(`alarms.level${level}`) })}
          action={
            <Button size="small" type="text" icon={<DownOutlined />} onClick={() => setCollapsedAt(null)} data-testid="alarms-expand">
              {t('alarms.expand')}
            </Button>
          }
        />
      ) : (
        <>
          <div className={styles.alerts}>
            {alarms.map((a) => (
              <AlarmAlert key={a.area} alarm={a} />
            ))}
          </div>
          <Button
            size="small"
            type="text"
            className={styles.toggle}
            icon={<UpOutlined />}
            aria-label={t('alarms.collapse')}
            title={t('alarms.collapse')}
            onClick={() => setCollapsedAt(signature)}
            data-testid="alarms-collapse"
          />
        </>
      )}
    </section>
  );
}

/** Whether an alarm is new or more severe (a lower level number) than when the banner was collapsed. */
function raisedSince(signature: string, alarms: AlarmStatus[]): boolean {
  const before = new Map(signature.split(',').map((p) => p.split(':') as [string, string]));
  return alarms.some((a) => !before.has(a.area) || a.level < Number(before.get(a.area)));
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

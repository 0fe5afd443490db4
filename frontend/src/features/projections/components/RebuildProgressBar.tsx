import { Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/ui/formatDuration';
import type { RebuildProgress } from '../api/projectionTypes';

/** A rebuild's progress: bar (processed of total), events/s and the estimated time left. */
export function RebuildProgressBar({ name, progress }: { name: string; progress: RebuildProgress }) {
  const { t, i18n } = useTranslation();
  const percent = progress.total ? Math.min(100, Math.floor((progress.processed / Math.max(progress.total, 1)) * 100)) : 0;
  const rate = new Intl.NumberFormat(i18n.language).format(Math.round(progress.eventsPerSecond));
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid={`rebuild-progress-${name}`}>
      <Progress percent={percent} size="small" status={progress.phase === 'failed' ? 'exception' : 'active'} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {progress.phase === 'failed'
          ? t('projections.failed', { error: progress.error ?? '' })
          : t('projections.progress', {
              version: progress.version,
              rate,
              eta: progress.etaSeconds == null ? '—' : formatDuration(progress.etaSeconds * 1000),
            })}
      </Typography.Text>
    </Space>
  );
}

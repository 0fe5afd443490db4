import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCenterZone } from '../settings/useCenterZone';

/** "UTC+3 Asia/Jerusalem": the zone every time and day on screen is in (the center's, not the browser's). */
export function ZoneHint({ testId = 'center-zone' }: { testId?: string }) {
  const { t } = useTranslation();
  const { timeZone, offset } = useCenterZone();
  return (
    <Tooltip title={t('zone.hint', { zone: timeZone })}>
      <Typography.Text type="secondary" data-testid={testId} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
        <ClockCircleOutlined /> {offset} {timeZone}
      </Typography.Text>
    </Tooltip>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Flex, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { downloadFile } from '../../../shared/api/download';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useMyWorkload, workloadUrl } from '../api/useMyWorkload';
import { workloadValue } from './workloadValue';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** "My workload" (R-ME-2): my own figures for a range of days, shown as they come, and as Excel. */
export function MyWorkload() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day'), dayjs()]);
  const [from, to] = [day(range[0]), day(range[1])];
  const workload = useMyWorkload(from, to);
  const label = (key: string) => t(`reports.columns.${key}`, { defaultValue: key });
  const download = () =>
    downloadFile(workloadUrl(from, to, 'xlsx'), `my-workload-${from}-${to}.xlsx`).catch((e: unknown) => void message.error(problemMessage(e, t)));

  const rows: Record<string, unknown>[] = Array.isArray(workload.data) ? workload.data : workload.data ? [workload.data] : [];
  return (
    <Card size="small" title={t('myWorkload.title')} style={{ maxWidth: 720 }} data-testid="my-workload">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          aria-label={t('myWorkload.range')}
          value={range}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download()} disabled={!workload.data} data-testid="my-workload-download">
          {t('myWorkload.download')}
        </Button>
      </Flex>
      {workload.isPending ? (
        <Spin />
      ) : isApiError(workload.error, 404) ? (
        <Alert type="info" showIcon title={t('myWorkload.unavailable')} data-testid="my-workload-unavailable" />
      ) : workload.isError ? (
        <Alert type="error" showIcon title={problemMessage(workload.error, t)} />
      ) : rows.length === 0 ? (
        <Empty description={t('myWorkload.empty')} />
      ) : (
        rows.map((row, i) => <Figures key={i} row={row} label={label} locale={i18n.language} />)
      )}
    </Card>
  );
}

function Figures({ row, label, locale }: { row: Record<string, unknown>; label: (k: string) => string; locale: string }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      style={{ marginBottom: 8 }}
      items={Object.entries(row).map(([key, value]) => ({ key, label: label(key), children: workloadValue(key, value, locale) }))}
    />
  );
}

import { Alert, App, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../shared/api/download';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { reportUrl } from '../api/reportUrl';
import type { ReportDefinition, ReportQuery } from '../api/types';
import { useReportCatalog, useReportRows } from '../api/useReports';
import { dayParam, lastDays } from './defaultRange';
import { fieldErrors } from './fieldErrors';
import { ReportChart } from './ReportChart';
import { ReportForm, type ReportDraft } from './ReportForm';
import { ReportPicker } from './ReportPicker';
import { ReportTable } from './ReportTable';
import { useReportText } from './reportText';

/** The query a draft asks of a report: only the report's own grouping and filters (R-RPT). */
export function queryOf(draft: ReportDraft, def: ReportDefinition): ReportQuery {
  const groupBy = def.groupBy.length ? (draft.groupBy && def.groupBy.includes(draft.groupBy) ? draft.groupBy : def.groupBy[0]) : undefined;
  const filters = Object.fromEntries(def.filters.map((f) => [f, draft.filters[f] ?? '']));
  return { from: dayParam(draft.range[0]), to: dayParam(draft.range[1]), groupBy, filters };
}

/** Analysts' reports (R-RPT-1…5): pick a report, a range, a grouping and filters; chart, table, Excel. */
export function ReportsPage({ initialReport }: { initialReport?: string }) {
  const { t } = useTranslation();
  const catalog = useReportCatalog();
  const [chosen, setChosen] = useState(initialReport);
  const definition = catalog.data?.find((r) => r.name === chosen) ?? catalog.data?.[0];

  if (catalog.isPending) return <Spin data-testid="reports-loading" style={{ margin: 48 }} />;
  if (catalog.isError) return <Alert type="error" showIcon title={problemMessage(catalog.error, t)} data-testid="reports-error" />;
  if (!definition) return <Empty description={t('reports.noReports')} data-testid="reports-none" />;
  return <Report key={definition.name} definition={definition} reports={catalog.data} onChoose={setChosen} />;
}

function Report({ definition, reports, onChoose }: { definition: ReportDefinition; reports: ReportDefinition[]; onChoose: (name: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useReportText();
  const [draft, setDraft] = useState<ReportDraft>(() => ({ range: lastDays(7), filters: {} }));
  const [applied, setApplied] = useState(draft);
  const query = useMemo(() => queryOf(applied, definition), [applied, definition]);
  const rows = useReportRows(definition.name, query);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  // A field at fault shows its message next to it; otherwise a failed query says so above the chart
  // and a failed download in a message (the rows on screen are still good).
  const fields = ['from', 'to', 'groupBy', ...definition.filters];
  const error = downloadError ?? rows.error;
  const { byField, other } = fieldErrors(error, fields);
  const generalError = rows.error && !Object.keys(byField).length ? (other.length ? other.join(' ') : problemMessage(rows.error, t)) : null;

  const apply = (next: ReportDraft) => {
    setDraft(next);
    setApplied(next);
    setDownloadError(null);
  };
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(reportUrl(definition.name, queryOf(draft, definition), 'xlsx'), `${definition.name}.xlsx`);
      setApplied(draft);
    } catch (e) {
      setDownloadError(e);
      if (!Object.keys(fieldErrors(e, fields).byField).length) void message.error(problemMessage(e, t));
    } finally {
      setDownloading(false);
    }
  };

  const data = rows.data ?? [];
  const title = t(`reports.${definition.name}.title`, { defaultValue: definition.name });
  const hint = t(`reports.${definition.name}.hint`, { defaultValue: '' });
  return (
    <Flex vertical gap={12} data-testid="reports" data-report={definition.name}>
      <ReportForm
        picker={<ReportPicker reports={reports} value={definition.name} onChange={onChoose} />}
        definition={definition}
        draft={draft}
        onApply={apply}
        onDraft={setDraft}
        onSubmit={() => (draft === applied ? void rows.refetch() : apply(draft))}
        onDownload={() => void download()}
        loading={rows.isFetching}
        downloading={downloading}
        errors={byField}
      />
      {generalError && (
        <Alert
          type="error"
          showIcon
          title={generalError}
          data-testid="report-error"
          action={<Button size="small" onClick={() => void rows.refetch()}>{t('reports.retry')}</Button>}
        />
      )}
      <Card
        size="small"
        title={<span data-testid="report-title">{title}</span>}
        extra={rows.data && <Typography.Text type="secondary" data-testid="report-count">{t('reports.rowCount', { count: data.length })}</Typography.Text>}
      >
        {hint && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{hint}</Typography.Paragraph>}
        {rows.isPending && !rows.error ? (
          <Spin style={{ display: 'block', margin: 48 }} />
        ) : data.length ? (
          <ReportChart definition={definition} rows={data} text={text} />
        ) : rows.error ? (
          Object.keys(byField).length > 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.fixFields')} data-testid="report-fix-fields" />
          )
        ) : (
          <Empty description={t('reports.empty')} data-testid="report-empty" />
        )}
      </Card>
      {data.length > 0 && <ReportTable definition={definition} rows={data} loading={rows.isFetching} text={text} />}
    </Flex>
  );
}

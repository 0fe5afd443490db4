import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { centerDay, useCenterZone } from '../../../shared/settings/useCenterZone';
import { ZoneHint } from '../../../shared/ui/ZoneHint';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDefinition } from '../api/types';
import { lastDays, type DayRange } from './defaultRange';

/** What the analyst has chosen for the current report (not yet necessarily asked for). */
export interface ReportDraft {
  range: DayRange;
  groupBy?: string;
  filters: Record<string, string>;
}

interface Props {
  /** The report picker, first in the row under the label "Report". */
  picker: ReactNode;
  definition: ReportDefinition;
  draft: ReportDraft;
  /** Range and grouping are asked for at once; filters on Enter or "Query". */
  onApply: (draft: ReportDraft) => void;
  onDraft: (draft: ReportDraft) => void;
  onSubmit: () => void;
  onDownload: () => void;
  loading: boolean;
  downloading: boolean;
  errors: Record<string, string>;
}

const status = (message?: string) => (message ? ('error' as const) : undefined);

/** The report's time range, grouping and filters, with each field's 400 message next to it. */
export function ReportForm({ picker, definition, draft, onApply, onDraft, onSubmit, onDownload, loading, downloading, errors }: Props) {
  const { t } = useTranslation();
  const rangeError = [errors.from, errors.to].filter(Boolean).join(' ') || undefined;
  const { timeZone } = useCenterZone();
  const today = dayjs(centerDay(timeZone)); // the center's today, whatever the browser's zone
  const presets = [
    { label: t('reports.presets.today'), value: lastDays(1, today) },
    { label: t('reports.presets.last7'), value: lastDays(7, today) },
    { label: t('reports.presets.last30'), value: lastDays(30, today) },
    { label: t('reports.presets.thisMonth'), value: [today.startOf('month'), today.startOf('day')] as DayRange },
  ];
  return (
    <Form layout="inline" onFinish={onSubmit} data-testid="report-form" style={{ rowGap: 8 }}>
      <Form.Item label={t('reports.report')} htmlFor="report-picker">
        {picker}
      </Form.Item>
      <Form.Item label={t('reports.range')} htmlFor="report-range" validateStatus={status(rangeError)} help={rangeError}>
        <DatePicker.RangePicker
          id="report-range"
          value={draft.range}
          allowClear={false}
          presets={presets}
          onChange={(range) => range?.[0] && range[1] && onApply({ ...draft, range: [range[0], range[1]] })}
        />
      </Form.Item>
      <Form.Item>
        <ZoneHint testId="report-zone" />
      </Form.Item>
      {definition.groupBy.length > 0 && (
        <Form.Item label={t('reports.groupByLabel')} htmlFor="report-group-by" validateStatus={status(errors.groupBy)} help={errors.groupBy}>
          <Select
            id="report-group-by"
            data-testid="report-group-by"
            style={{ minWidth: 120 }}
            value={draft.groupBy ?? definition.groupBy[0]}
            onChange={(groupBy) => onApply({ ...draft, groupBy })}
            options={definition.groupBy.map((g) => ({ value: g, label: t(`reports.groupBy.${g}`, { defaultValue: g }) }))}
          />
        </Form.Item>
      )}
      {definition.filters.map((name) => (
        <Form.Item
          key={name}
          label={t(`reports.filters.${name}`, { defaultValue: name })}
          htmlFor={`report-filter-${name}`}
          validateStatus={status(errors[name])}
          help={errors[name]}
        >
          {definition.choices?.[name] ? (
            <Select
              id={`report-filter-${name}`}
              data-testid={`report-filter-${name}`}
              style={{ minWidth: 160 }}
              value={draft.filters[name] || definition.choices[name][0]}
              onChange={(value: string) => onApply({ ...draft, filters: { ...draft.filters, [name]: value } })}
              options={definition.choices[name].map((v) => ({ value: v, label: t(`reports.choices.${name}.${v}`) }))}
            />
          ) : (
            <Input
              id={`report-filter-${name}`}
              data-testid={`report-filter-${name}`}
              allowClear
              style={{ width: 140 }}
              value={draft.filters[name] ?? ''}
              onChange={(e) => onDraft({ ...draft, filters: { ...draft.filters, [name]: e.target.value } })}
            />
          )}
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="report-submit">
          {t('reports.query')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button icon={<DownloadOutlined />} onClick={onDownload} loading={downloading} data-testid="report-download">
          {t('reports.download')}
        </Button>
      </Form.Item>
    </Form>
  );
}

import type { ReportDefinition, ReportRow } from '../api/types';

export const oneTimeFix: ReportDefinition = {
  name: 'one-time-fix-rate',
  category: 'quality',
  groupBy: ['day', 'agent', 'skillGroup', 'area'],
  filters: [],
  columns: [
    { key: 'key', kind: 'text' },
    { key: 'tagged', kind: 'count' },
    { key: 'fixed', kind: 'count' },
    { key: 'repeated', kind: 'count' },
    { key: 'pending', kind: 'count' },
    { key: 'rate', kind: 'percent' },
  ],
  chart: 'bar',
  chartX: 'key',
  chartSeries: ['fixed', 'repeated', 'rate'],
};

export const queueTime: ReportDefinition = {
  name: 'queue-time',
  category: 'traffic',
  groupBy: ['day', 'skillGroup'],
  filters: ['skillGroup', 'dialedNumber', 'slFormula'],
  choices: { slFormula: ['abandonedAfterT', 'answered'] },
  columns: [
    { key: 'key', kind: 'text' },
    { key: 'queued', kind: 'count' },
    { key: 'averageQueueSeconds', kind: 'seconds' },
    { key: 'mystery', kind: 'number' },
  ],
  chart: 'line',
  chartX: 'key',
  chartSeries: ['averageQueueSeconds'],
};

export const oneTimeFixRows: ReportRow[] = [
  { key: '2026-11-20', tagged: 120, fixed: 99, repeated: 7, pending: 14, rate: 0.9339 },
  { key: '2026-11-21', tagged: 80, fixed: 60, repeated: 20, pending: 0, rate: 0.75 },
  { key: 'unknown', tagged: 3, fixed: 0, repeated: 0, pending: 3, rate: null },
];

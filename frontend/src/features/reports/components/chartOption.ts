import type { ColumnKind, ReportDefinition, ReportRow } from '../api/types';
import { formatAxis, formatCell } from './formatCell';
import type { ReportText } from './reportText';

const kindOf = (def: ReportDefinition, key: string): ColumnKind =>
  def.columns.find((c) => c.key === key)?.kind ?? 'number';

const num = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));

/**
 * The echarts option for a report (R-RPT: pie, bar and line): categories from `chartX`, one series per
 * `chartSeries` column. Series of a second kind (e.g. a percent next to counts) get their own right axis,
 * and every axis and tooltip is formatted by kind (percent as %, seconds as mm:ss).
 */
export function chartOption(def: ReportDefinition, rows: ReportRow[], text: ReportText) {
  const { language: locale, column: label } = text;
  const xKind = kindOf(def, def.chartX);
  const categories = rows.map((r) => formatCell(xKind, r[def.chartX], locale, text.unknown));
  const tooltipValue = (kind: ColumnKind) => (v: unknown) => formatCell(kind, v, locale);

  if (def.chart === 'pie') {
    const key = def.chartSeries[0];
    const kind = kindOf(def, key);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'item', valueFormatter: tooltipValue(kind) },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: label(key),
          radius: ['35%', '65%'],
          data: rows.map((r, i) => ({ name: categories[i], value: num(r[key]) })),
          label: { formatter: '{b}: {d}%' },
        },
      ],
    };
  }

  const kinds = [...new Set(def.chartSeries.map((k) => kindOf(def, k)))].slice(0, 2);
  const many = rows.length > 15;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 16, right: 16, top: 40, bottom: many ? 56 : 16, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: kinds.map((kind) => ({
      type: 'value',
      max: kind === 'percent' ? 1 : undefined,
      axisLabel: { formatter: (v: number) => formatAxis(kind, v, locale) },
      splitLine: { show: kind === kinds[0] },
    })),
    dataZoom: many ? [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }] : undefined,
    series: def.chartSeries.map((key) => {
      const kind = kindOf(def, key);
      return {
        type: def.chart,
        name: label(key),
        yAxisIndex: Math.max(0, kinds.indexOf(kind)),
        data: rows.map((r) => num(r[key])),
        smooth: def.chart === 'line',
        tooltip: { valueFormatter: tooltipValue(kind) },
      };
    }),
  };
}

import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import type { ReportDefinition, ReportRow } from '../api/types';
import { chartOption } from './chartOption';
import type { ReportText } from './reportText';

// Only what reports draw, so the chart code stays small; SVG renders crisply and works under jsdom.
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, AriaComponent, SVGRenderer]);

interface Props {
  definition: ReportDefinition;
  rows: ReportRow[];
  text: ReportText;
}

/** The report's chart (bar, line or pie, as its definition says) above its table. */
export function ReportChart({ definition, rows, text }: Props) {
  const { language } = text;
  const option = useMemo(() => chartOption(definition, rows, text), [definition, rows, text]);
  return (
    <div data-testid="report-chart" data-chart={definition.chart}>
      <ReactEChartsCore
        key={language}
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg', locale: language === 'zh-CN' ? 'ZH' : 'EN' }}
        style={{ height: 300, width: '100%' }}
      />
    </div>
  );
}

import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { levelSeries, type AlarmChange } from '../api/alarmHistory';
import { useAreaName } from '../../../shared/ui/areaName';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface Props {
  changes: AlarmChange[];
  start: number;
  end: number;
}

/** Level per area over time as step lines; level 1 (most severe) is the top of the axis. */
export default function AlarmLevelChart({ changes, start, end }: Props) {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const option = useMemo(() => {
    const names = new Map(changes.map((c) => [c.area, areaName(c.area, c.areaName)]));
    const levelLabel = (v: number) => (v === 0 ? t('alarms.none') : t(`alarms.level${4 - v}`));
    return {
      animation: false,
      grid: { left: 96, right: 24, top: 40, bottom: 40 },
      legend: { top: 4, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => levelLabel(v),
      },
      xAxis: {
        type: 'time',
        min: start,
        max: end,
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 3,
        interval: 1,
        axisLabel: { formatter: levelLabel },
      },
      series: [...levelSeries(changes, start, end)].map(([area, data]) => ({
        name: names.get(area) ?? area,
        type: 'line',
        step: 'end',
        symbol: 'none',
        lineStyle: { width: 2 },
        data,
      })),
    };
  }, [changes, start, end, t, areaName]);
  return (
    <div data-testid="alarm-chart" aria-label={t('alarms.chartTitle')} role="img">
      <ReactEChartsCore
        key={i18n.language}
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height: 280, width: '100%' }}
      />
    </div>
  );
}

import ReactECharts from 'echarts-for-react';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import type { AgentDay } from '../api/types';
import { axisClock, sinceDayStart } from './centerClock';
import { stateBandTooltip } from './stateBandTooltip';

/** The day as one horizontal band, a coloured stretch per state (R-USE-3); zoomed to the signed-in hours, slider to zoom. */
export function StateBands({ day, reasonName }: { day: AgentDay; reasonName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsOption>(() => {
    const first = day.timeline[0];
    const last = day.timeline[day.timeline.length - 1];
    const span = 24 * 3_600_000;
    const zoomFrom = first ? Math.max(0, sinceDayStart(first.start, day.from) - 1_800_000) : 0;
    const zoomTo = last ? Math.min(span, sinceDayStart(last.end, day.from) + 1_800_000) : span;
    return {
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'value', min: 0, max: span, axisLabel: { formatter: (v: number) => axisClock(v) }, splitNumber: 12 },
      yAxis: { type: 'category', data: [t('audit.states')], axisTick: { show: false } },
      dataZoom: [
        { type: 'slider', xAxisIndex: 0, startValue: zoomFrom, endValue: zoomTo, labelFormatter: (v: number) => axisClock(v), height: 18, bottom: 8 },
        { type: 'inside', xAxisIndex: 0, startValue: zoomFrom, endValue: zoomTo },
      ],
      tooltip: {
        // The tooltip takes HTML: every piece of data in it is escaped (a reason name is admin-entered text).
        formatter: (p: unknown) =>
          stateBandTooltip(day.timeline[(p as { dataIndex: number }).dataIndex], (state) => t(`state.${state}`), reasonName),
      },
      series: [
        {
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          renderItem: (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
            const start = api.coord([api.value(1), api.value(0)]);
            const end = api.coord([api.value(2), api.value(0)]);
            const height = (api.size!([0, 1]) as number[])[1] * 0.6;
            const box = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
            const x = Math.max(start[0], box.x);
            const width = Math.min(end[0], box.x + box.width) - x;
            if (width <= 0) return null;
            return { type: 'rect', shape: { x, y: start[1] - height / 2, width: Math.max(width, 1), height }, style: api.style() };
          },
          data: day.timeline.map((s) => ({
            value: [0, sinceDayStart(s.start, day.from), sinceDayStart(s.end, day.from)],
            itemStyle: { color: agentStateColor[s.state] },
          })),
        },
      ],
    };
  }, [day, reasonName, t]);

  return (
    <div data-testid="audit-bands" data-periods={day.timeline.length}>
      <ReactECharts option={option} opts={{ renderer: 'svg' }} style={{ height: 130 }} notMerge />
    </div>
  );
}

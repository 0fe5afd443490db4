import { describe, expect, it } from 'vitest';
import { chartOption } from './chartOption';
import { oneTimeFix, oneTimeFixRows, queueTime } from './testReports';

const text = { language: 'en', column: (k: string) => `label:${k}`, unknown: 'Unknown', code: (_k: string, v: string) => v };

describe('chartOption', () => {
  it('draws one bar series per chart column, a percent series on its own % axis', () => {
    const option = chartOption(oneTimeFix, oneTimeFixRows, text) as any;
    expect(option.xAxis.data).toEqual(['2026-11-20', '2026-11-21', 'Unknown']);
    expect(option.series.map((s: any) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', 'label:fixed', 0],
      ['bar', 'label:repeated', 0],
      ['bar', 'label:rate', 1],
    ]);
    expect(option.yAxis[1].axisLabel.formatter(0.5)).toBe('50%');
    expect(option.series[2].tooltip.valueFormatter(0.9339)).toBe('93.4%');
  });

  it('formats a seconds axis as mm:ss on a line chart', () => {
    const option = chartOption(queueTime, [{ key: 'a', averageQueueSeconds: 75 }], text) as any;
    expect(option.series[0].type).toBe('line');
    expect(option.yAxis[0].axisLabel.formatter(75)).toBe('01:15');
  });

  it('draws a pie of the first series by category', () => {
    const option = chartOption({ ...oneTimeFix, chart: 'pie', chartSeries: ['tagged'] }, oneTimeFixRows, text) as any;
    expect(option.series[0].type).toBe('pie');
    expect(option.series[0].data[0]).toEqual({ name: '2026-11-20', value: 120 });
  });
});

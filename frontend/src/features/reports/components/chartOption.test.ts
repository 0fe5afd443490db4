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

  it('builds no HTML from data: a script-like category and series name reach the tooltip as text', async () => {
    const echarts = await import('echarts');
    const script = '<img src=x onerror="alert(1)">';
    const rows = [{ ...oneTimeFixRows[0], key: script }];
    const option = chartOption(oneTimeFix, rows, { ...text, column: () => script }) as any;
    // No tooltip formatter of ours returns HTML: ECharts writes the markup and encodes every name and value.
    expect(option.tooltip.formatter).toBeUndefined();
    option.series.forEach((s: any) => expect(s.tooltip?.formatter).toBeUndefined());
    const host = document.createElement('div');
    document.body.appendChild(host);
    const chart = echarts.init(host, undefined, { renderer: 'svg', width: 400, height: 300 });
    chart.setOption({ ...option, animation: false, tooltip: { ...option.tooltip, alwaysShowContent: true } });
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
    await new Promise((r) => setTimeout(r, 50));
    const tooltip = [...host.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999');
    expect(tooltip?.innerHTML).toContain('&lt;img'); // ECharts' own tooltip, with the names encoded
    expect(host.querySelector('img')).toBeNull();
    expect(tooltip?.textContent).toContain(script);
    chart.dispose();
    host.remove();
  });
});

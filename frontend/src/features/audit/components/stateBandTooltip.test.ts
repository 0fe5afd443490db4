import { describe, expect, it } from 'vitest';
import { stateBandTooltip } from './stateBandTooltip';

const script = '<img src=x onerror="alert(1)">';

describe('stateBandTooltip', () => {
  it('escapes an admin-entered reason name: it shows as characters, never as markup', () => {
    const html = stateBandTooltip(
      { state: 'notReady', reasonCode: 'x', start: '2026-11-20T01:00:00Z', end: '2026-11-20T01:05:00Z', durationMs: 300_000 } as never,
      (s) => `state:${s}`,
      () => script,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    // The one piece of markup is ours.
    expect(html.replace('<br/>', '')).not.toMatch(/[<>"]/);
    const div = document.createElement('div');
    div.innerHTML = html;
    expect(div.querySelector('img')).toBeNull();
    expect(div.textContent).toContain(`state:notReady · ${script}`);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

describe('escapeHtml', () => {
  it('turns every markup character into an entity and keeps the text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
    expect(escapeHtml("a & b 'c' `d` 小休")).toBe('a &#38; b &#39;c&#39; &#96;d&#96; 小休');
  });
});

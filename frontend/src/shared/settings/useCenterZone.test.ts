import { describe, expect, it } from 'vitest';
import { centerDay, offsetLabel } from './useCenterZone';

describe('the center zone helpers', () => {
  it('labels the offset of the zone at that instant, daylight saving included', () => {
    expect(offsetLabel('Asia/Shanghai', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+8');
    expect(offsetLabel('Asia/Jerusalem', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+3');
    expect(offsetLabel('Asia/Jerusalem', new Date('2026-01-15T00:00:00Z'))).toBe('UTC+2');
    expect(offsetLabel('America/New_York', new Date('2026-11-02T00:00:00Z'))).toBe('UTC-5');
  });

  it("gives the center's day, not the browser's", () => {
    const at = new Date('2026-11-01T22:30:00Z');
    expect(centerDay('Asia/Shanghai', at)).toBe('2026-11-02');
    expect(centerDay('America/New_York', at)).toBe('2026-11-01');
  });
});

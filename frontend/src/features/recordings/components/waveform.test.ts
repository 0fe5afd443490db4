import { describe, expect, it } from 'vitest';
import { centerDateTime, dayEnd, dayStart } from '../api/dayRange';
import { peaks } from './waveform';

describe('waveform peaks', () => {
  it('takes the loudest sample of each slice', () => {
    const bars = peaks(new Float32Array([0, 0.5, -0.9, 0.1, 0, 0, 0.2, -0.3]), 4);
    [0.5, 0.9, 0, 0.3].forEach((expected, i) => expect(bars[i]).toBeCloseTo(expected, 6));
    expect(peaks(new Float32Array([]), 3)).toEqual([0, 0, 0]);
  });
});

describe('center days', () => {
  it('turns days into instants of the center (UTC+8), the end exclusive', () => {
    expect(dayStart('2026-12-31')).toBe('2026-12-31T00:00:00+08:00');
    expect(dayEnd('2026-12-31')).toBe('2027-01-01T00:00:00+08:00');
    expect(centerDateTime('2026-12-03T17:30:05Z')).toBe('2026-12-04 01:30:05');
  });
});

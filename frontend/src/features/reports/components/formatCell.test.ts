import { describe, expect, it } from 'vitest';
import { compareCells, formatAxis, formatCell } from './formatCell';

describe('formatCell', () => {
  it('formats by column kind', () => {
    expect(formatCell('percent', 0.9339, 'en')).toBe('93.4%');
    expect(formatCell('seconds', 125.4, 'en')).toBe('02:05');
    expect(formatCell('seconds', 3725, 'en')).toBe('1:02:05');
    expect(formatCell('count', 12345, 'en')).toBe('12,345');
    expect(formatCell('number', 1.23456, 'en')).toBe('1.23');
    expect(formatCell('date', '2026-11-20', 'en')).toBe('2026-11-20');
    expect(formatCell('text', 'agent7', 'en')).toBe('agent7');
  });

  it('shows missing values as — and the unknown group in the reader language', () => {
    expect(formatCell('percent', null, 'en')).toBe('—');
    expect(formatCell('text', 'unknown', 'zh-CN', '未知')).toBe('未知');
  });

  it('formats axes as whole percents and mm:ss', () => {
    expect(formatAxis('percent', 0.25, 'en')).toBe('25%');
    expect(formatAxis('seconds', 90, 'en')).toBe('01:30');
  });

  it('sorts numbers as numbers with missing values last', () => {
    const values = [10, null, 9, 100];
    expect([...values].sort((a, b) => compareCells('count', a, b, 'en'))).toEqual([9, 10, 100, null]);
  });
});

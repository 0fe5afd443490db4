import { describe, expect, it } from 'vitest';
import admEn from './adm.en.json';
import admZhCN from './adm.zh-CN.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

/** Every source file of the admin feature and the menu, as text (Vite's glob import: no Node APIs in the SPA's types). */
const adminSources = import.meta.glob(['../../features/admin/**/*.{ts,tsx}', '../../app/menu.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('admin page strings (adm.*)', () => {
  it('has the same keys in both languages', () => {
    expect(keys(admZhCN).sort()).toEqual(keys(admEn).sort());
  });

  it('has every literal adm.* key the code uses, in both languages', () => {
    const used = new Set<string>();
    for (const text of Object.values(adminSources))
      for (const m of text.matchAll(/['"`]adm\.([a-zA-Z0-9.-]+)['"`]/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(40);
    const en = new Set(keys(admEn));
    const zh = new Set(keys(admZhCN));
    expect([...used].filter((k) => !en.has(k) || !zh.has(k))).toEqual([]);
  });
});

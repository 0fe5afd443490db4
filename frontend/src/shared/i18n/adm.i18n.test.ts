import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import admEn from './adm.en.json';
import admZhCN from './adm.zh-CN.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('admin page strings (adm.*)', () => {
  it('has the same keys in both languages', () => {
    expect(keys(admZhCN).sort()).toEqual(keys(admEn).sort());
  });

  it('has every literal adm.* key the code uses, in both languages', () => {
    const root = path.resolve(__dirname, '..', '..');
    const used = new Set<string>();
    for (const file of [...sources(path.join(root, 'features', 'admin')), path.join(root, 'app', 'menu.tsx')])
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]adm\.([a-zA-Z0-9.-]+)['"`]/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(40);
    const en = new Set(keys(admEn));
    const zh = new Set(keys(admZhCN));
    expect([...used].filter((k) => !en.has(k) || !zh.has(k))).toEqual([]);
  });
});

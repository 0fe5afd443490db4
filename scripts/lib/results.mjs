// Reading the machine-readable reports of dotnet test (TRX), vitest (JSON) and Playwright (JSON).
import fs from 'node:fs';
import path from 'node:path';

const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

const firstLines = (s, n = 6) =>
  String(s ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, n)
    .join('\n      ');

/** Sum every *.trx in `dir`. Returns { passed, failed, skipped, failures: [{name, message}], files }. */
export function parseTrxDir(dir) {
  const out = { passed: 0, failed: 0, skipped: 0, failures: [], files: 0 };
  if (!fs.existsSync(dir)) return out;
  const files = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.trx'));
  for (const f of files) {
    out.files++;
    const xml = fs.readFileSync(path.join(dir, String(f)), 'utf8');
    const re = /<UnitTestResult\b([^>]*?)(\/>|>([\s\S]*?)<\/UnitTestResult>)/g;
    let m;
    while ((m = re.exec(xml))) {
      const attrs = m[1];
      const outcome = /\boutcome="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const name = decode(/\btestName="([^"]*)"/.exec(attrs)?.[1] ?? '?');
      if (outcome === 'Passed') out.passed++;
      else if (outcome === 'NotExecuted' || outcome === 'Inconclusive' || outcome === 'Pending') out.skipped++;
      else {
        out.failed++;
        const msg = /<Message>([\s\S]*?)<\/Message>/.exec(m[3] ?? '')?.[1] ?? outcome;
        out.failures.push({ name, message: firstLines(decode(msg)) });
      }
    }
  }
  return out;
}

/** vitest --reporter=json output (Jest-compatible). */
export function parseVitestJson(file) {
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = {
    passed: j.numPassedTests ?? 0,
    failed: j.numFailedTests ?? 0,
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
    failures: [],
  };
  for (const suite of j.testResults ?? []) {
    const rel = path.relative(process.cwd(), suite.name ?? '');
    const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) {
      out.failures.push({ name: `${rel} › ${a.fullName ?? a.title}`, message: firstLines((a.failureMessages ?? []).join('\n')) });
    }
    // a test file that failed to load or run (import error, syntax error …) has no test results
    if (suite.status === 'failed' && failedTests.length === 0) {
      out.failed++;
      out.failures.push({ name: `${rel} (test file failed)`, message: firstLines(suite.message) });
    }
  }
  return out;
}

/** Playwright --reporter=json output. */
export function parsePlaywrightJson(file) {
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = j.stats ?? {};
  const out = {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
    flaky: s.flaky ?? 0,
    failures: [],
    measurements: [],
  };
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const notes = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((x) => x.annotations ?? [])];
        for (const a of notes) {
          if (a.type === 'measurement' && !out.measurements.includes(a.description)) out.measurements.push(a.description);
        }
        if (t.status !== 'unexpected') continue;
        const last = t.results?.[t.results.length - 1];
        const err = last?.error?.message ?? last?.errors?.[0]?.message ?? '';
        out.failures.push({ name: [...trail, spec.title].filter(Boolean).join(' › ') + ` (${spec.file}:${spec.line})`, message: firstLines(err) });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of j.suites ?? []) walk(suite, []);
  for (const e of j.errors ?? []) {
    out.failed++;
    out.failures.push({ name: 'Playwright run error', message: firstLines(e.message ?? e.stack ?? JSON.stringify(e)) });
  }
  return out;
}

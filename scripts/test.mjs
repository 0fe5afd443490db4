#!/usr/bin/env node
// `npm test`: every suite, against a throwaway PostgreSQL this run starts and removes.
//   dotnet    dotnet test CallCenter.sln -c Release (CALLCENTER_TEST_PG = admin connection string)
//   frontend  vitest in the frontend workspace
//   e2e       Playwright (Debian Chromium) against the built app on a free port, fresh database
// Ends with one line `N passed, N failed[, N skipped]`; exits non-zero if anything failed or a
// suite could not run (counted as one failure, with the reason).
// Options: --only=dotnet|frontend|e2e (comma-separated for several), --help.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SOLUTION, SPA_DIR, E2E_CONFIG, TEST_RESULTS } from './lib/paths.mjs';
import { installSignalHandlers, onCleanup, shutdown, run, stopTree } from './lib/proc.mjs';
import { freePort } from './lib/ports.mjs';
import { ensurePgBinaries, PgCluster, tail } from './lib/postgres.mjs';
import { ensureNpmPackages } from './lib/npm.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { buildBackend, buildFrontend, dotnetEnv } from './lib/build.mjs';
import { startApp, waitHealthy } from './lib/app.mjs';
import { parseTrxDir, parseVitestJson, parsePlaywrightJson } from './lib/results.mjs';
import { UserError, bold, dim, error, green, info, red, step, warn, seconds, yellow } from './lib/log.mjs';

const ALL = ['dotnet', 'frontend', 'e2e'];
const t0 = Date.now();

let GREP = ''; // --grep=text: only the e2e specs whose title matches (for working on one spec)
function parseArgs(argv) {
  let only = ALL;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      console.log('usage: npm test [-- --only=dotnet|frontend|e2e[,…]] [--grep=e2e title text]');
      process.exit(0);
    }
    let v = null;
    if (a.startsWith('--grep=')) { GREP = a.slice(7); continue; }
    if (a.startsWith('--only=')) v = a.slice(7);
    else if (a === '--only') v = argv[++i] ?? '';
    else {
      console.error(`unknown argument: ${a} (usage: npm test [-- --only=dotnet|frontend|e2e])`);
      process.exit(2);
    }
    if (v !== null) {
      only = v.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = only.filter((s) => !ALL.includes(s));
      if (bad.length || !only.length) {
        console.error(`--only takes ${ALL.join('|')} (got "${v}")`);
        process.exit(2);
      }
    }
  }
  return { only: ALL.filter((s) => only.includes(s)) };
}

const { only } = parseArgs(process.argv.slice(2));
const want = (s) => only.includes(s);

/** One entry per suite: counts, failures and, when it could not run, why. */
const results = Object.fromEntries(
  only.map((s) => [s, { passed: 0, failed: 0, skipped: 0, failures: [], notes: [], ms: 0, ran: false }]),
);
function cannotRun(suite, reason) {
  const r = results[suite];
  if (!r || r.blocked) return;
  r.blocked = reason;
  r.failed += 1;
  r.failures.push({ name: `${suite} suite could not run`, message: reason });
}

let tmp = null;
let pg = null;

installSignalHandlers({
  onSignal: () => console.log(`\n${bold('Interrupted')}: stopping the app and PostgreSQL, removing the temp dir…`),
  exitSync: () => {
    pg?.stopSync();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  },
});

async function setUp() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'callcenter-test-'));
  fs.chmodSync(tmp, 0o755); // the cluster runs as `postgres` when we are root
  onCleanup(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    tmp = null;
  });
  fs.mkdirSync(TEST_RESULTS, { recursive: true });

  const needsNpm = want('frontend') || want('e2e');
  const needsPg = want('dotnet') || want('e2e');
  const needsDotnet = want('dotnet') || want('e2e');

  if (needsNpm) {
    step('npm packages');
    try {
      await ensureNpmPackages();
    } catch (e) {
      cannotRun('frontend', e.message);
      cannotRun('e2e', e.message);
    }
  }
  if (want('e2e') && !results.e2e.blocked) {
    step('Chromium');
    const c = await ensureChromium();
    if (!c.path) cannotRun('e2e', c.reason);
  }
  if (needsPg) {
    step('throwaway PostgreSQL');
    try {
      const bindir = await ensurePgBinaries();
      pg = new PgCluster({
        baseDir: path.join(tmp, 'pg'),
        port: await freePort(),
        bindir,
        // throwaway data: durability buys nothing here, speed does
        settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '500' }, // test hosts run in parallel, each with its projections' connections
      });
      await pg.init();
      await pg.start();
      onCleanup(async () => {
        await pg.stop();
        pg = null;
      });
      info(`PostgreSQL ${path.basename(path.dirname(bindir))} on 127.0.0.1:${pg.port} (${pg.dataDir})`);
    } catch (e) {
      cannotRun('dotnet', `no PostgreSQL: ${e.message}`);
      cannotRun('e2e', `no PostgreSQL: ${e.message}`);
    }
  }
  const buildNeeded = ['dotnet', 'e2e'].some((s) => want(s) && !results[s].blocked);
  if (needsDotnet && buildNeeded) {
    const log = path.join(TEST_RESULTS, 'dotnet-build.log');
    fs.rmSync(log, { force: true });
    let r;
    try {
      r = await buildBackend({ target: SOLUTION, logFile: log });
    } catch (e) {
      r = { code: 1, error: e.message };
    }
    if (r.code !== 0) {
      const errors = fs.existsSync(log)
        ? [...new Set(fs.readFileSync(log, 'utf8').split('\n').filter((l) => /\berror\b/.test(l)).map((l) => l.trim()))]
        : [];
      console.log(errors.slice(0, 30).join('\n') || r.error || tail(log, 30));
      const reason = `dotnet build -c Release CallCenter.sln failed (exit ${r.code}; ${errors.length} error line(s), full log: ${path.relative(ROOT, log)})`;
      cannotRun('dotnet', reason);
      cannotRun('e2e', reason);
    }
  }
}

async function dotnetSuite() {
  const r = results.dotnet;
  const trxDir = path.join(tmp, 'trx');
  step('dotnet test CallCenter.sln -c Release');
  const code = (
    await run(
      'dotnet',
      [
        'test', SOLUTION, '-c', 'Release', '--no-build', '-nologo',
        '--results-directory', trxDir,
        '--logger', 'trx',
        '--logger', 'console;verbosity=normal',
        '--blame-hang-timeout', '10m', '--blame-hang-dump-type', 'none',
      ],
      { cwd: ROOT, env: { ...dotnetEnv(), CALLCENTER_TEST_PG: pg.connectionString('postgres') } },
    )
  ).code;
  r.ran = true;
  const parsed = parseTrxDir(trxDir);
  Object.assign(r, { passed: parsed.passed, failed: parsed.failed, skipped: parsed.skipped, failures: parsed.failures });
  // keep the reports
  const keep = path.join(TEST_RESULTS, 'dotnet');
  fs.rmSync(keep, { recursive: true, force: true });
  if (fs.existsSync(trxDir)) fs.cpSync(trxDir, keep, { recursive: true });
  if (code !== 0 && parsed.failed === 0) {
    r.failed += 1;
    r.failures.push({
      name: 'dotnet test',
      message: `exited with ${code} but no failed test was reported (${parsed.files} TRX file(s)): a test host crash, a hang or an error before tests ran — see the output above`,
    });
  }
  if (code === 0 && parsed.passed + parsed.failed + parsed.skipped === 0) r.notes.push('no .NET tests were found');
}

async function frontendSuite() {
  const r = results.frontend;
  if (!fs.existsSync(path.join(ROOT, 'frontend', 'package.json'))) return cannotRun('frontend', 'frontend/package.json is missing');
  const out = path.join(tmp, 'vitest.json');
  step('npm test --workspace frontend (vitest)');
  const code = (
    await run(
      'npm',
      ['test', '--workspace', 'frontend', '--', '--run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
      { cwd: ROOT, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } },
    )
  ).code;
  r.ran = true;
  if (!fs.existsSync(out)) {
    r.failed += 1;
    r.failures.push({ name: 'vitest', message: `exited with ${code} and wrote no JSON report (no test files, or a config error — see above)` });
    return;
  }
  fs.copyFileSync(out, path.join(TEST_RESULTS, 'vitest.json'));
  const parsed = parseVitestJson(out);
  Object.assign(r, { passed: parsed.passed, failed: parsed.failed, skipped: parsed.skipped, failures: parsed.failures });
  if (code !== 0 && parsed.failed === 0) {
    r.failed += 1;
    const none = parsed.passed + parsed.skipped === 0;
    r.failures.push({
      name: 'vitest',
      message: none
        ? `exited with ${code} and ran no test (no test files found? see above)`
        : `exited with ${code} although no test failed (an unhandled error? see above)`,
    });
  }
}

async function e2eSuite() {
  const r = results.e2e;
  const playwright = path.join(ROOT, 'node_modules', '.bin', 'playwright');
  if (!fs.existsSync(playwright)) return cannotRun('e2e', '@playwright/test is not installed (node_modules/.bin/playwright missing)');

  step('building the SPA');
  try {
    const fe = await buildFrontend();
    if (fe.code !== 0) return cannotRun('e2e', `the SPA build failed (npm run build --workspace frontend, exit ${fe.code})`);
  } catch (e) {
    return cannotRun('e2e', e.message);
  }

  const db = `e2e_${Date.now().toString(36)}`;
  await pg.ensureDatabase(db);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const password = process.env.CALLCENTER_DEMO_PASSWORD || 'demo123';
  const appLog = path.join(TEST_RESULTS, 'e2e-app.log');
  fs.rmSync(appLog, { force: true });
  step(`starting the app on ${url} (database ${db}, simulator off; log: ${path.relative(ROOT, appLog)})`);
  // the app inherits EVENTSTORE_CONNECTION (startApp passes the environment on): say which store the e2e tests use
  if (process.env.EVENTSTORE_CONNECTION) info('event store: EventStoreDB (EVENTSTORE_CONNECTION); the database is fresh, the event store is not: start the server with an empty store');
  const app = startApp({
    db: pg.connectionString(db),
    port,
    logFile: appLog,
    env: {
      CALLCENTER_SIMULATOR: 'off',
      CALLCENTER_DEMO_PASSWORD: password,
      CALLCENTER_CTI_KEY: process.env.CALLCENTER_CTI_KEY || 'dev-cti-key',
    },
  });
  const stopApp = onCleanup(() => stopTree(app, 10_000));
  try {
    const t = Date.now();
    await waitHealthy(url, app, { logFile: appLog, timeoutMs: 120_000 });
    info(`healthy after ${seconds(Date.now() - t)}`);
  } catch (e) {
    await stopTree(app, 10_000);
    stopApp();
    return cannotRun('e2e', e.message);
  }

  const report = path.join(tmp, 'playwright.json');
  step('playwright test (tests/e2e)');
  const code = (
    await run(playwright, ['test', '-c', E2E_CONFIG, ...(GREP ? ['--grep', GREP] : [])], {
      cwd: ROOT,
      env: {
        ...process.env,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
        CALLCENTER_E2E_URL: url,
        CALLCENTER_E2E_JSON: report,
        CALLCENTER_DEMO_PASSWORD: password,
        FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
      },
    })
  ).code;
  r.ran = true;
  await stopTree(app, 10_000);
  stopApp();
  if (!fs.existsSync(report)) {
    r.failed += 1;
    r.failures.push({ name: 'playwright', message: `exited with ${code} and wrote no JSON report (config error? see above)` });
    return;
  }
  fs.copyFileSync(report, path.join(TEST_RESULTS, 'playwright.json'));
  const parsed = parsePlaywrightJson(report);
  Object.assign(r, { passed: parsed.passed, failed: parsed.failed, skipped: parsed.skipped, failures: parsed.failures });
  for (const m of parsed.measurements) r.notes.push(m);
  if (parsed.flaky) r.notes.push(`${parsed.flaky} flaky (passed on retry)`);
  if (code !== 0 && parsed.failed === 0) {
    r.failed += 1;
    r.failures.push({ name: 'playwright', message: `exited with ${code} although no test failed (see above)` });
  }
  if (r.failed) {
    r.notes.push(`app log: ${path.relative(ROOT, appLog)}; screenshots/traces: test-results/e2e`);
  }
}

async function timed(suite, fn) {
  const r = results[suite];
  if (r.blocked) return;
  const t = Date.now();
  try {
    await fn();
  } catch (e) {
    cannotRun(suite, e instanceof UserError ? e.message : e?.stack ?? String(e));
  }
  r.ms = Date.now() - t;
}

function report() {
  console.log(`\n${bold('Test summary')}  ${dim(`(${seconds(Date.now() - t0)} in all)`)}`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const [name, r] of Object.entries(results)) {
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
    const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
    const colour = r.failed ? red : r.passed ? green : yellow;
    const status = r.blocked
      ? red('COULD NOT RUN'.padEnd(13))
      : r.failed
        ? red('FAILED'.padEnd(13))
        : r.passed
          ? green('ok'.padEnd(13))
          : yellow('no tests'.padEnd(13));
    console.log(`  ${name.padEnd(9)} ${status} ${colour(counts)}${r.ms ? dim(`  (${seconds(r.ms)})`) : ''}`);
    for (const f of r.failures) console.log(`    ${red('✗')} ${f.name}${f.message ? `\n      ${f.message}` : ''}`);
    for (const n of r.notes) console.log(`    ${dim(n)}`);
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed > 0 || Object.values(results).some((r) => r.blocked) ? 1 : 0;
}

async function main() {
  console.log(`${bold('npm test')}: ${only.join(', ')}`);
  await setUp();
  if (want('dotnet')) await timed('dotnet', dotnetSuite);
  if (want('frontend')) await timed('frontend', frontendSuite);
  if (want('e2e')) await timed('e2e', e2eSuite);
}

let exitCode = 1;
try {
  await main();
} catch (e) {
  error(e instanceof UserError ? e.message : e?.stack ?? String(e));
  for (const s of only) if (!results[s].ran) cannotRun(s, `setup failed: ${e.message}`);
} finally {
  step('cleaning up (stopping PostgreSQL, removing the temp dir)');
  await shutdown();
  exitCode = report();
}
process.exit(exitCode);

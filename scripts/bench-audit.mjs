#!/usr/bin/env node
// npm run bench:audit — the audit replay of one agent's busy day (R-USE-3, GET /api/audit/agents/{id}/days/{day}).
//
// Starts a throwaway PostgreSQL cluster (default durability), builds and starts the app (simulator off), then runs
// tests/CallCenter.AuditBench against it over real HTTP:
//   1. history for the 20 demo agents on both sides of the audited day (POST /api/simulator/history);
//   2. the audited day: agent1 takes 300 calls (DaySimulation), PBX facts through POST /api/cti/events;
//   3. the replay timed R times as the auditor: p50/p95/max (goal: p95 < 100 ms).
// Options: --history-days 30 --history-calls 1000 --calls 300 --runs 50
// BENCH_AUDIT_HOLD_SECONDS=N keeps the app (and its data) up N seconds after the bench, e.g. for screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SOLUTION } from './lib/paths.mjs';
import { info, step, bold } from './lib/log.mjs';
import { installSignalHandlers, onCleanup, run, shutdown, stopTree } from './lib/proc.mjs';
import { freePort } from './lib/ports.mjs';
import { ensurePgBinaries, PgCluster } from './lib/postgres.mjs';
import { buildBackend, buildFrontend, dotnetEnv } from './lib/build.mjs';
import { startApp, waitHealthy } from './lib/app.mjs';

const BENCH_DLL = path.join(ROOT, 'tests', 'CallCenter.AuditBench', 'bin', 'Release', 'net10.0', 'CallCenter.AuditBench.dll');

async function main() {
  installSignalHandlers();
  const passthrough = process.argv.slice(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'callcenter-bench-audit-'));
  fs.chmodSync(tmp, 0o755); // as root the cluster runs as the postgres user
  onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));

  step('throwaway PostgreSQL (fsync=on, synchronous_commit=on)');
  const pg = new PgCluster({ baseDir: path.join(tmp, 'pg'), port: await freePort(), bindir: await ensurePgBinaries(), settings: { max_connections: '300' } });
  await pg.init();
  await pg.start();
  onCleanup(() => pg.stop());
  await pg.ensureDatabase('benchaudit');

  const log = path.join(tmp, 'build.log');
  const built = await buildBackend({ target: SOLUTION, logFile: log });
  if (built?.code && built.code !== 0) throw new Error(`build failed: see ${log}`);
  await buildFrontend({ skipIfFresh: true });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const appLog = path.join(tmp, 'app.log');
  step(`starting the app on ${url} (simulator off)`);
  const app = startApp({ db: pg.connectionString('benchaudit'), port, logFile: appLog, env: { CALLCENTER_SIMULATOR: 'off', CALLCENTER_DEMO_PASSWORD: 'demo123', Logging__LogLevel__Default: 'Warning' } });
  onCleanup(() => stopTree(app, 10_000));
  await waitHealthy(url, app, { logFile: appLog });

  step(`bench ${passthrough.join(' ')}`);
  const r = await run('dotnet', [BENCH_DLL, '--url', url, '--db', pg.connectionString('benchaudit'), ...passthrough], { cwd: ROOT, env: dotnetEnv() });
  const hold = Number(process.env.BENCH_AUDIT_HOLD_SECONDS ?? 0); // e.g. to take screenshots of the audited day
  if (hold > 0) {
    info(`app kept on ${url} (auditor / demo123) for ${hold} s`);
    await new Promise((resolve) => setTimeout(resolve, hold * 1000));
  }
  info(bold(`done (${new Date().toISOString().slice(0, 10)}); copy the RESULT lines into docs/benchmarks.md`));
  process.exitCode = r.code;
}

main().catch((e) => { console.error(e.message); process.exitCode = 1; }).finally(() => shutdown());

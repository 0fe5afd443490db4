#!/usr/bin/env node
// npm run bench:pop — screen-pop latency at 200 agents and 10× the busy hour, and the virtual-clock ingest rate.
//
// Starts a throwaway PostgreSQL cluster (default durability), builds and starts the app (simulator off), then runs
// tests/CallCenter.PopBench against it over real HTTP and WebSockets:
//   1. N days of history through POST /api/simulator/history (CTI ingestion on a virtual clock): events/s;
//   2. 200 agents with a SignalR connection each; calls offered at 9.2 calls/s through POST /api/cti/events
//      (R-SCALE-1: 1,000,000 calls a month ≈ 33,000 a day; busy hour ≈ 10 % of the day; × 10 ≈ 9.2 calls/s);
//      latency from the CallOffered append acknowledged to the agent's `screenPop` message: p50/p95/p99/max.
// Options: --agents 200 --rate 9.2 --seconds 60 --history-days 30 --history-calls 500
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

const BENCH_DLL = path.join(ROOT, 'tests', 'CallCenter.PopBench', 'bin', 'Release', 'net10.0', 'CallCenter.PopBench.dll');

async function main() {
  installSignalHandlers();
  const passthrough = process.argv.slice(2);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'callcenter-bench-pop-'));
  fs.chmodSync(tmp, 0o755); // as root the cluster runs as the postgres user
  onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));

  step('throwaway PostgreSQL (fsync=on, synchronous_commit=on)');
  const pg = new PgCluster({ baseDir: path.join(tmp, 'pg'), port: await freePort(), bindir: await ensurePgBinaries(), settings: { max_connections: '300' } });
  await pg.init();
  await pg.start();
  onCleanup(() => pg.stop());
  await pg.ensureDatabase('benchpop');

  const log = path.join(tmp, 'build.log');
  const built = await buildBackend({ target: SOLUTION, logFile: log });
  if (built?.code && built.code !== 0) throw new Error(`build failed: see ${log}`);
  await buildFrontend({ skipIfFresh: true });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const appLog = path.join(tmp, 'app.log');
  step(`starting the app on ${url} (simulator off)`);
  const app = startApp({ db: pg.connectionString('benchpop'), port, logFile: appLog, env: { CALLCENTER_SIMULATOR: 'off', CALLCENTER_DEMO_PASSWORD: 'demo123', Logging__LogLevel__Default: 'Warning' } });
  onCleanup(() => stopTree(app, 10_000));
  await waitHealthy(url, app, { logFile: appLog });

  step(`bench ${passthrough.join(' ')}`);
  const r = await run('dotnet', [BENCH_DLL, '--url', url, '--db', pg.connectionString('benchpop'), ...passthrough], { cwd: ROOT, env: dotnetEnv() });
  info(bold(`done (${new Date().toISOString().slice(0, 10)}); copy the RESULT lines into docs/benchmarks.md`));
  process.exitCode = r.code;
}

main().catch((e) => { console.error(e.message); process.exitCode = 1; }).finally(() => shutdown());

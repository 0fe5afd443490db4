#!/usr/bin/env node
// npm run bench:rebuild — events/s of a blue/green projection rebuild (R-USE-2, decision 0006) over a history of
// at least 5,000,000 events, against the raw read speed of $all as the baseline.
//
// The history is bulk-loaded once (tests/CallCenter.RebuildBench seed: the traffic model and day simulation written with
// binary COPY straight into eventstore.events; ingestion through the app would take hours) into a PostgreSQL cluster
// cached under .data/bench/rebuild; later runs reuse it. Then the app starts (simulator off) and the bench reads $all
// once (reading only), starts POST /api/projections/{name}/rebuild as admin and polls until the new version is live.
// Options: --projection interval-kpis (default) | agent-states | screen-pops | live-calls | call-reports | voice-messages …
//          --events 5000000 --agents 200 --calls-per-day 30000 (seeding; a different set reseeds)  --reseed
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DATA_DIR, SOLUTION } from './lib/paths.mjs';
import { info, step, bold } from './lib/log.mjs';
import { installSignalHandlers, onCleanup, run, shutdown, stopTree } from './lib/proc.mjs';
import { freePort } from './lib/ports.mjs';
import { ensurePgBinaries, PgCluster } from './lib/postgres.mjs';
import { buildBackend, buildFrontend, dotnetEnv } from './lib/build.mjs';
import { startApp, waitHealthy } from './lib/app.mjs';

const BENCH_DLL = path.join(ROOT, 'tests', 'CallCenter.RebuildBench', 'bin', 'Release', 'net10.0', 'CallCenter.RebuildBench.dll');
const CACHE = path.join(DATA_DIR, 'bench', 'rebuild');
const MARKER = path.join(CACHE, 'seeded.json');
const DB = 'benchrebuild';
const PASSWORD = 'demo123';

function option(argv, name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
}

async function startAppOn(pg, logFile) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = startApp({ db: pg.connectionString(DB), port, logFile, env: { CALLCENTER_SIMULATOR: 'off', CALLCENTER_DEMO_PASSWORD: PASSWORD, Logging__LogLevel__Default: 'Warning' } });
  await waitHealthy(url, app, { logFile, timeoutMs: 600_000 });
  return { app, url };
}

async function main() {
  installSignalHandlers();
  const argv = process.argv.slice(2);
  const seed = { events: option(argv, 'events', '5000000'), agents: option(argv, 'agents', '200'), callsPerDay: option(argv, 'calls-per-day', '30000') };
  const projection = option(argv, 'projection', 'interval-kpis');
  fs.mkdirSync(CACHE, { recursive: true, mode: 0o755 });
  fs.chmodSync(CACHE, 0o755);

  const built = await buildBackend({ target: SOLUTION, logFile: path.join(CACHE, 'build.log') });
  if (built?.code && built.code !== 0) throw new Error(`build failed: see ${path.join(CACHE, 'build.log')}`);
  await buildFrontend({ skipIfFresh: true });

  const marker = fs.existsSync(MARKER) ? JSON.parse(fs.readFileSync(MARKER, 'utf8')) : null;
  const cached = !argv.includes('--reseed') && marker && JSON.stringify(marker) === JSON.stringify(seed);
  const pg = new PgCluster({
    baseDir: path.join(CACHE, 'pg'), port: await freePort(), bindir: await ensurePgBinaries(),
    settings: { max_connections: '300', shared_buffers: "'1GB'", max_wal_size: "'8GB'" },
  });
  if (!cached) {
    fs.rmSync(path.join(CACHE, 'pg'), { recursive: true, force: true });
    fs.rmSync(MARKER, { force: true });
    step(`seeding ${seed.events} events into a new cluster (${CACHE}); later runs reuse it`);
    await pg.init();
  } else step(`reusing the seeded cluster in ${CACHE} (${marker.events} events; --reseed to start over)`);
  await pg.start();
  onCleanup(() => pg.stop());
  await pg.ensureDatabase(DB);
  const appLog = path.join(CACHE, 'app.log');

  if (!cached) {
    const first = await startAppOn(pg, appLog); // schema, migrations, users, customers, projection tables and versions
    await stopTree(first.app, 10_000);
    const r = await run('dotnet', [BENCH_DLL, 'seed', '--db', pg.connectionString(DB), '--events', seed.events, '--agents', seed.agents, '--calls-per-day', seed.callsPerDay], { cwd: ROOT, env: dotnetEnv() });
    if (r.code !== 0) throw new Error('seeding failed');
    fs.writeFileSync(MARKER, JSON.stringify(seed));
  }

  // A run stopped halfway leaves its rebuild registered (the app would resume it and compete): forget it.
  await pg.psql(`update projection_versions set building_version = null where building_version is not null;
    delete from projection_checkpoints where name like '%@v%';
    do $$ declare s text; begin for s in select nspname from pg_namespace where nspname like 'rm\\_%' loop
      execute format('drop schema %I cascade', s); end loop; end $$;`, DB);
  // The rebuild is measured alone: every other projection starts at the head, as in a running system. Projections
  // added since the seed (no tables yet) get them on a first start, then all checkpoints move to the head (their rows
  // stay empty: only the rebuilt projection's rows are looked at). Without this they would replay 5 M events beside it.
  step('creating tables of projections added since the seed, then moving every live checkpoint to the head');
  const settle = await startAppOn(pg, appLog);
  await stopTree(settle.app, 10_000);
  await pg.psql(`insert into projection_checkpoints (name, position, updated_at)
    select n, (select max(position) from eventstore.events), (select max(created) from eventstore.events)
    from (select name from projection_versions union select name from projection_checkpoints where name not like '%@v%'
          union values ('calls-to-agents'), ('alarm-counting')) p(n)
    on conflict (name) do update set position = excluded.position, updated_at = excluded.updated_at;`, DB);
  step(`starting the app (simulator off), then rebuilding ${projection}`);
  const { app, url } = await startAppOn(pg, appLog);
  onCleanup(() => stopTree(app, 10_000));
  const r = await run('dotnet', [BENCH_DLL, 'measure', '--db', pg.connectionString(DB), '--url', url, '--projection', projection, '--password', PASSWORD], { cwd: ROOT, env: dotnetEnv() });
  info(bold(`done (${new Date().toISOString().slice(0, 10)}); copy the RESULT lines into docs/benchmarks.md`));
  process.exitCode = r.code;
}

main().catch((e) => { console.error(e.message); process.exitCode = 1; }).finally(() => shutdown());

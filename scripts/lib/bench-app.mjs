// The driver the app-level benchmarks share (bench:pop, bench:audit): a throwaway PostgreSQL cluster with default
// durability, the solution built in Release, the app started on a free port (simulator off), then a C# bench
// project run against it with `--url` and `--db` plus the command line's own options.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SOLUTION } from './paths.mjs';
import { info, step, bold } from './log.mjs';
import { installSignalHandlers, onCleanup, run, shutdown, stopTree } from './proc.mjs';
import { freePort } from './ports.mjs';
import { ensurePgBinaries, PgCluster } from './postgres.mjs';
import { buildBackend, buildFrontend, dotnetEnv } from './build.mjs';
import { startApp, waitHealthy } from './app.mjs';

/**
 * @param {object} o
 * @param {string} o.name short name: temp dir, database (`bench<name>`)
 * @param {string} o.project the bench project under tests/ (e.g. CallCenter.PopBench)
 * @param {(url: string) => Promise<void>} [o.after] runs after the bench, while the app is still up
 */
export function runAppBench({ name, project, after }) {
  const dll = path.join(ROOT, 'tests', project, 'bin', 'Release', 'net10.0', `${project}.dll`);
  async function main() {
    installSignalHandlers();
    const passthrough = process.argv.slice(2);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `callcenter-bench-${name}-`));
    fs.chmodSync(tmp, 0o755); // as root the cluster runs as the postgres user
    onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));

    step('throwaway PostgreSQL (fsync=on, synchronous_commit=on)');
    const pg = new PgCluster({ baseDir: path.join(tmp, 'pg'), port: await freePort(), bindir: await ensurePgBinaries(), settings: { max_connections: '300' } });
    await pg.init();
    await pg.start();
    onCleanup(() => pg.stop());
    const db = `bench${name}`;
    await pg.ensureDatabase(db);

    const log = path.join(tmp, 'build.log');
    const built = await buildBackend({ target: SOLUTION, logFile: log });
    if (built?.code && built.code !== 0) throw new Error(`build failed: see ${log}`);
    await buildFrontend({ skipIfFresh: true });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const appLog = path.join(tmp, 'app.log');
    step(`starting the app on ${url} (simulator off)`);
    const app = startApp({ db: pg.connectionString(db), port, logFile: appLog, env: { CALLCENTER_SIMULATOR: 'off', CALLCENTER_DEMO_PASSWORD: 'demo123', Logging__LogLevel__Default: 'Warning' } });
    onCleanup(() => stopTree(app, 10_000));
    await waitHealthy(url, app, { logFile: appLog });

    step(`bench ${passthrough.join(' ')}`);
    const r = await run('dotnet', [dll, '--url', url, '--db', pg.connectionString(db), ...passthrough], { cwd: ROOT, env: dotnetEnv() });
    await after?.(url);
    info(bold(`done (${new Date().toISOString().slice(0, 10)}); copy the RESULT lines into docs/benchmarks.md`));
    process.exitCode = r.code;
  }
  main().catch((e) => { console.error(e.message); process.exitCode = 1; }).finally(() => shutdown());
}

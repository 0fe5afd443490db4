#!/usr/bin/env node
// `npm start`: run the whole application on one http://127.0.0.1:PORT.
// Without CALLCENTER_DB it creates (once) and starts a private PostgreSQL cluster under
// .data/pg, installs npm packages, builds backend and SPA when out of date, starts the app
// (which migrates and seeds itself) and waits for /health. Ctrl-C stops everything it started.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DATA_DIR, API_PROJECT } from './lib/paths.mjs';
import { installSignalHandlers, isShuttingDown, onCleanup, shutdown, stopTree, runSync } from './lib/proc.mjs';
import { isPortFree, preferredOrFreePort } from './lib/ports.mjs';
import { ensurePgBinaries, PgCluster } from './lib/postgres.mjs';
import { ensureNpmPackages } from './lib/npm.mjs';
import { buildBackend, buildFrontend } from './lib/build.mjs';
import { startApp, waitHealthy } from './lib/app.mjs';
import { UserError, bold, error, green, info, step, seconds } from './lib/log.mjs';

const DEFAULT_APP_PORT = 5080;
const DEFAULT_PG_PORT = 55433;
const PG_STATE = path.join(DATA_DIR, 'pg.json');
const APP_PID = path.join(DATA_DIR, 'app.pid');

const t0 = Date.now();
let pg = null;

installSignalHandlers({
  onSignal: () => console.log(`\n${bold('Stopping')} (the app${pg?.startedByUs ? ' and PostgreSQL' : ''})…`),
  exitSync: () => pg?.stopSync(),
});

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** A previous `npm start` killed hard may have left its app running: stop it. */
function stopStaleApp() {
  const pid = Number(readJson(APP_PID).pid);
  if (!pid) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('CallCenter.Api.dll')) {
      info(`stopping a CallCenter.Api left running by an earlier start (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
      runSync('sh', ['-c', `for i in $(seq 50); do kill -0 ${pid} 2>/dev/null || exit 0; sleep 0.2; done; kill -9 ${pid}`]);
    }
  } catch {
    /* not running */
  }
  fs.rmSync(APP_PID, { force: true });
}

async function privateDatabase() {
  const bindir = await ensurePgBinaries();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.chmodSync(DATA_DIR, 0o755);
  const saved = readJson(PG_STATE);
  pg = new PgCluster({ baseDir: path.join(DATA_DIR, 'pg'), port: saved.port ?? DEFAULT_PG_PORT, bindir });

  if (pg.exists()) {
    pg.checkVersion();
    const running = pg.runningPort();
    if (running) {
      // left over from an earlier start that did not shut down: adopt it (we stop it on exit)
      step(`PostgreSQL for .data/pg is already running on 127.0.0.1:${running}: reusing it`);
      pg.port = running;
      pg.startedByUs = true;
      await pg.waitReady();
    }
  } else {
    step(`creating a private PostgreSQL cluster in ${path.relative(ROOT, pg.baseDir)} (first start only)`);
    await pg.init();
  }

  if (!pg.startedByUs) {
    pg.port = await preferredOrFreePort(saved.port ?? DEFAULT_PG_PORT);
    step(`starting PostgreSQL on 127.0.0.1:${pg.port}`);
    await pg.start();
  }
  onCleanup(async () => {
    if (!pg.startedByUs) return;
    info('stopping PostgreSQL…');
    await pg.stop();
    info('PostgreSQL stopped');
  });
  fs.writeFileSync(PG_STATE, JSON.stringify({ port: pg.port, bindir }, null, 2) + '\n');
  if (await pg.ensureDatabase('callcenter')) info('created database callcenter');
  return pg.connectionString('callcenter');
}

/** An esdb:// connection string without its password, for the console. */
const redactEsdb = (s) => s.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function main() {
  const appPort = Number(process.env.CALLCENTER_PORT || DEFAULT_APP_PORT);
  if (!Number.isInteger(appPort) || appPort <= 0 || appPort > 65535) {
    throw new UserError(`CALLCENTER_PORT must be a TCP port number, got "${process.env.CALLCENTER_PORT}"`);
  }
  const password = process.env.CALLCENTER_DEMO_PASSWORD || 'demo123';
  const ctiKey = process.env.CALLCENTER_CTI_KEY || 'dev-cti-key';
  const url = `http://127.0.0.1:${appPort}`;

  stopStaleApp();
  if (!(await isPortFree(appPort))) {
    throw new UserError(
      `port ${appPort} on 127.0.0.1 is already in use. Stop whatever uses it, or choose another port: ` +
        `CALLCENTER_PORT=5081 npm start`,
    );
  }

  const esdb = process.env.EVENTSTORE_CONNECTION;
  if (esdb) step(`event store: EventStoreDB at ${redactEsdb(esdb)} (EVENTSTORE_CONNECTION); PostgreSQL keeps the read models`);

  let db = process.env.CALLCENTER_DB;
  if (db) step('using the PostgreSQL server given by CALLCENTER_DB');
  else db = await privateDatabase();

  step('npm packages');
  await ensureNpmPackages();
  step('building');
  const fe = await buildFrontend();
  if (fe.code !== 0) throw new UserError('the SPA build failed (see above)');
  const be = await buildBackend({ target: API_PROJECT, skipIfFresh: true });
  if (be.code !== 0) throw new UserError('the backend build failed (see above)');

  step(`starting the app on ${url}`);
  const env = { CALLCENTER_DEMO_PASSWORD: password, CALLCENTER_CTI_KEY: ctiKey };
  const app = startApp({ db, port: appPort, env });
  fs.mkdirSync(DATA_DIR, { recursive: true }); // not made yet when CALLCENTER_DB names the database
  fs.writeFileSync(APP_PID, JSON.stringify({ pid: app.pid }) + '\n');
  let appExit = null;
  const exited = new Promise((resolve) =>
    app.once('exit', (code, signal) => {
      appExit = { code, signal };
      resolve(appExit);
    }),
  );
  onCleanup(async () => {
    if (appExit) return;
    info('stopping the app…');
    await stopTree(app, 15_000);
    fs.rmSync(APP_PID, { force: true });
    info('app stopped');
  });
  await waitHealthy(url, app);

  const sim = (process.env.CALLCENTER_SIMULATOR || '').toLowerCase();
  const lines = [
    '',
    green(bold(`CallCenter is running at ${url}`)) + `   (ready in ${seconds(Date.now() - t0)})`,
    `  Sign in as   agent1 … agent20 (agents), supervisor1, admin, analyst, auditor`,
    `  Password     ${password}   (all demo users; set CALLCENTER_DEMO_PASSWORD to change)`,
    `  Swagger UI   ${url}/swagger        Health: ${url}/health`,
    `  CTI key      ${ctiKey}   (X-Api-Key header of POST ${url}/api/cti/events)`,
    `  Simulator    ${sim === 'off' ? 'off' : sim === 'on' ? 'on' : 'app default'} (CALLCENTER_SIMULATOR=on|off)`,
    process.env.CALLCENTER_DB
      ? `  Database     CALLCENTER_DB`
      : `  Database     private PostgreSQL on 127.0.0.1:${pg.port}, database callcenter, data in .data/pg` +
        `\n               (psql -h 127.0.0.1 -p ${pg.port} -U postgres callcenter)`,
    `  Event store  ${esdb ? `EventStoreDB ${redactEsdb(esdb)} (EVENTSTORE_CONNECTION)` : 'PostgreSQL, same database (set EVENTSTORE_CONNECTION=esdb://… for EventStoreDB)'}`,
    `  Stop         Ctrl-C (stops the app${process.env.CALLCENTER_DB ? '' : ' and its PostgreSQL'}); data is kept for the next start`,
    '',
  ];
  console.log(lines.join('\n'));

  const { code, signal } = await exited;
  if (isShuttingDown()) return; // we stopped it (Ctrl-C): the signal handler finishes and exits
  error(`the app exited on its own (${code ?? signal}); stopping`);
  await shutdown();
  process.exit(code || 1);
}

main().catch(async (err) => {
  error(err instanceof UserError ? err.message : err?.stack ?? String(err));
  await shutdown();
  process.exit(1);
});

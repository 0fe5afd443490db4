// npm run bench:append — event-store append throughput against raw PostgreSQL INSERTs, on one
// throwaway PostgreSQL cluster with default durability (fsync=on, synchronous_commit=on).
//
// For each writer count (default 1, 8, 32) and each round, it runs the .NET benchmark
// (tests/CallCenter.Benchmarks: single-event appends, exact expected revision, each writer its own
// stream) and then pgbench with one single-row INSERT per transaction, same clients, same seconds.
// Interleaving the two and taking the median of several rounds keeps a busy machine's noise from
// favouring either side. Prints a table: writers, our events/s, pgbench tx/s, ratio.
//
// Options: --seconds N (10)  --warmup N (2, ours only: the JIT warms up)  --writers 1,8,32
//          --rounds N (3)  --append-batches N (passed to the .NET bench)  --store postgres|eventstoredb
//
// --store=eventstoredb also runs the .NET benchmark against EventStoreDB (EVENTSTORE_CONNECTION, or
// --esdb esdb://host:2113?tls=false; default esdb://127.0.0.1:2113?tls=false) and prints its figures in a column
// beside PostgreSQL's. When no server answers there it says so and prints the PostgreSQL figures alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bold, error, info, step, UserError } from './lib/log.mjs';
import { ROOT } from './lib/paths.mjs';
import { freePort } from './lib/ports.mjs';
import { capture, installSignalHandlers, isRoot, onCleanup, run, shutdown, which } from './lib/proc.mjs';

const BENCH_PROJECT = path.join(ROOT, 'tests', 'CallCenter.Benchmarks', 'CallCenter.Benchmarks.csproj');
const BENCH_DLL = path.join(ROOT, 'tests', 'CallCenter.Benchmarks', 'bin', 'Release', 'net10.0', 'CallCenter.Benchmarks.dll');

// pgbench's row: about the size of one of our events (data + metadata). No ":word" inside the
// literal: pgbench would take it for a variable.
const PGBENCH_SCRIPT = `INSERT INTO t(stream, data) VALUES ('bench-' || :client_id, '{"agentId": "agent7", "state": "Ready", "reasonCode": null, "n": 12345, "correlationId": "6f1f1a7e-8a57-4f55-9a39-5f0b7c1f2a11", "user": "agent7"}');\n`;

function parseArgs(argv) {
  const opts = { seconds: 10, warmup: 2, writers: [1, 8, 32], rounds: 3, appendBatches: null, store: null,
    esdb: process.env.EVENTSTORE_CONNECTION || 'esdb://127.0.0.1:2113?tls=false' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UserError(`${name} needs a value`);
      return v;
    };
    const positive = (v) => {
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserError(`${name} expects a positive whole number, got '${v}'`);
      return Number(v);
    };
    switch (name) {
      case '--seconds': opts.seconds = positive(value()); break;
      case '--warmup': opts.warmup = Number(value()); break;
      case '--rounds': opts.rounds = positive(value()); break;
      case '--writers': opts.writers = value().split(',').map((w) => positive(w.trim())); break;
      case '--append-batches': opts.appendBatches = value(); break;
      case '--store': opts.store = value(); break;
      case '--esdb': opts.esdb = value(); break;
      case '-h':
      case '--help':
        console.log('usage: npm run bench:append -- [--seconds 10] [--warmup 2] [--writers 1,8,32] [--rounds 3] [--append-batches N] [--store postgres|eventstoredb] [--esdb esdb://host:2113?tls=false]');
        process.exit(0);
        break;
      default: throw new UserError(`unknown argument '${argv[i]}' (try --help)`);
    }
  }
  if (opts.store && !['postgres', 'eventstoredb'].includes(opts.store)) {
    throw new UserError(`--store=${opts.store}: expected postgres or eventstoredb`);
  }
  return opts;
}

/** The directory with initdb, pg_ctl, postgres and pgbench: PostgreSQL 15 or newer. */
async function findPostgresBin() {
  const candidates = [];
  if (which('pg_config')) {
    const r = await capture('pg_config', ['--bindir']);
    if (r.code === 0) candidates.push(r.stdout.trim());
  }
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(base, v, 'bin')));
  }
  for (const dir of candidates) {
    if (!['initdb', 'pg_ctl', 'postgres', 'pgbench', 'psql'].every((b) => fs.existsSync(path.join(dir, b)))) continue;
    const r = await capture(path.join(dir, 'postgres'), ['--version']);
    const major = Number(/(\d+)(?:\.\d+)?/.exec(r.stdout)?.[1] ?? 0);
    if (major >= 15) return { dir, version: r.stdout.trim() };
  }
  throw new UserError('PostgreSQL 15+ server binaries with pgbench were not found (pg_config --bindir, /usr/lib/postgresql/*/bin). On Debian: apt-get install postgresql postgresql-contrib');
}

/** Runs a PostgreSQL binary; as root, as the postgres user (initdb and postgres refuse root). */
function pgCommand(bin, tool, args) {
  const exe = path.join(bin, tool);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
}

async function startCluster(bin, dir) {
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sockets');
  fs.mkdirSync(sockets);
  if (isRoot()) {
    fs.chmodSync(dir, 0o755);
    const r = await run('chown', ['-R', 'postgres:postgres', dir]);
    if (r.code !== 0) throw new UserError('running as root, but could not hand the temp dir to the postgres user (chown failed)');
  }
  const initLog = path.join(dir, 'initdb.log');
  const init = await run(...pgCommand(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-instructions']), { logFile: initLog });
  if (init.code !== 0) throw new UserError(`initdb failed:\n${fs.readFileSync(initLog, 'utf8')}`);

  const port = await freePort();
  const settings = [
    `-p ${port}`, `-k ${sockets}`, '-c listen_addresses=127.0.0.1',
    '-c fsync=on', '-c synchronous_commit=on', '-c full_page_writes=on', // the defaults, stated
    '-c max_connections=200',
  ].join(' ');
  const logFile = path.join(dir, 'postgres.log');
  onCleanup(() => run(...pgCommand(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']), { logFile: path.join(dir, 'stop.log') }));
  const start = await run(...pgCommand(bin, 'pg_ctl', ['-D', data, '-l', logFile, '-o', settings, '-w', 'start']), { logFile: path.join(dir, 'pg_ctl.log') });
  if (start.code !== 0) throw new UserError(`PostgreSQL did not start:\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''}`);
  return port;
}

async function psql(bin, port, database, sql) {
  const r = await capture(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql]);
  if (r.code !== 0) throw new Error(`psql failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

async function runOurs(opts, port, writers) {
  const args = [
    BENCH_DLL, '--connection', `Host=127.0.0.1;Port=${port};Username=postgres;Database=bench`,
    '--seconds', String(opts.seconds), '--warmup', String(opts.warmup), '--writers', String(writers),
  ];
  if (opts.appendBatches !== null) args.push('--append-batches', opts.appendBatches);
  return parseOurs(await capture('dotnet', args, { cwd: ROOT }));
}

/** The same .NET benchmark against EventStoreDB (the server is shared and not reset: every run uses new streams). */
async function runEsdb(opts, writers) {
  const args = [
    BENCH_DLL, '--store', 'eventstoredb', '--connection', opts.esdb,
    '--seconds', String(opts.seconds), '--warmup', String(opts.warmup), '--writers', String(writers),
  ];
  return parseOurs(await capture('dotnet', args, { cwd: ROOT }));
}

/** Is an EventStoreDB node answering at the first host of the connection string? (GET /health/live) */
async function esdbReachable(connection) {
  const m = /^esdb(?:\+discover)?:\/\/(?:[^@/]*@)?([^,/?]+)[^?]*(?:\?(.*))?$/i.exec(connection);
  if (!m) throw new UserError(`not an esdb:// connection string: ${connection}`);
  const tls = !/(^|&)tls=false(&|$)/i.test(m[2] ?? '');
  const host = m[1].includes(':') ? m[1] : `${m[1]}:2113`;
  try {
    const res = await fetch(`${tls ? 'https' : 'http'}://${host}/health/live`, { signal: AbortSignal.timeout(3_000) });
    return res.status < 300;
  } catch {
    return false;
  }
}

function parseOurs(r) {
  const m = /RESULT writers=(\d+) events_per_second=([\d.]+)/.exec(r.stdout);
  if (r.code !== 0 || !m) throw new Error(`the .NET benchmark failed:\n${r.stdout}${r.stderr}`);
  const header = r.stdout.split('\n').find((l) => l.startsWith('store:'));
  return { rate: Number(m[2]), header };
}

async function runPgbench(bin, port, dir, opts, clients) {
  await psql(bin, port, 'bench', 'DROP TABLE IF EXISTS t; CREATE TABLE t (id bigserial PRIMARY KEY, stream text, data jsonb); CHECKPOINT;');
  const script = path.join(dir, 'insert.sql');
  fs.writeFileSync(script, PGBENCH_SCRIPT);
  const r = await capture(path.join(bin, 'pgbench'), [
    '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-n', '-M', 'prepared',
    '-c', String(clients), '-j', String(Math.min(2, clients)), '-T', String(opts.seconds), '-f', script, 'bench',
  ]);
  const m = /tps = ([\d.]+)/.exec(r.stdout);
  if (r.code !== 0 || !m) throw new Error(`pgbench failed:\n${r.stdout}${r.stderr}`);
  return Number(m[1]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!which('dotnet')) throw new UserError('the .NET SDK (dotnet) is not on PATH');
  const pg = await findPostgresBin();

  const dotnet = (await capture('dotnet', ['--version'])).stdout.trim();
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  console.log(bold('Event append benchmark (issue 2)'));
  info(`date: ${new Date().toISOString()}`);
  info(`machine: ${os.cpus().length} CPUs (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  info(`PostgreSQL: ${pg.version} (${pg.dir}); .NET SDK ${dotnet}; pgbench: ${(await capture(path.join(pg.dir, 'pgbench'), ['--version'])).stdout.trim()}`);
  info(`${opts.rounds} round(s) of ${opts.seconds} s per measurement (ours after ${opts.warmup} s warm-up), writers ${opts.writers.join(', ')}; medians reported`);

  step('Building the .NET benchmark (Release)');
  const build = await capture('dotnet', ['build', BENCH_PROJECT, '-c', 'Release', '-nologo', '-v', 'q'], { cwd: ROOT });
  if (build.code !== 0) throw new UserError(`build failed:\n${build.stdout}${build.stderr}`);

  step('Starting a throwaway PostgreSQL cluster (fsync=on, synchronous_commit=on)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callcenter-bench-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true })); // runs after the cluster stopped (last in, first out)
  const port = await startCluster(pg.dir, dir);
  await psql(pg.dir, port, 'postgres', 'CREATE DATABASE bench');
  info(`127.0.0.1:${port}, data in ${dir}`);

  let esdb = false;
  if (opts.store === 'eventstoredb') {
    esdb = await esdbReachable(opts.esdb);
    if (esdb) info(`EventStoreDB: ${opts.esdb.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} (figures in their own column)`);
    else info(`EventStoreDB: nothing answers at ${opts.esdb}: PostgreSQL figures only (start a server, set EVENTSTORE_CONNECTION or --esdb)`);
  }

  const results = new Map(opts.writers.map((w) => [w, { ours: [], raw: [], esdb: [] }]));
  let header = '';
  let esdbHeader = '';
  for (let round = 1; round <= opts.rounds; round++) {
    for (const writers of opts.writers) {
      step(`Round ${round}/${opts.rounds}, ${writers} writer(s)`);
      const ours = await runOurs(opts, port, writers);
      header = ours.header ?? header;
      const raw = await runPgbench(pg.dir, port, dir, opts, writers);
      results.get(writers).ours.push(ours.rate);
      results.get(writers).raw.push(raw);
      let esdbNote = '';
      if (esdb) {
        const e = await runEsdb(opts, writers);
        esdbHeader = e.header ?? esdbHeader;
        results.get(writers).esdb.push(e.rate);
        esdbNote = `, EventStoreDB ${fmt(e.rate)} events/s`;
      }
      info(`ours ${fmt(ours.rate)} events/s, pgbench ${fmt(raw)} tx/s${esdbNote}`);
    }
  }

  console.log('');
  if (header) info(header);
  if (esdbHeader) info(esdbHeader);
  const rows = [['writers', 'ours (events/s)', 'pgbench INSERT (tx/s)', 'ratio', ...(esdb ? ['EventStoreDB (events/s)'] : [])]];
  for (const [writers, r] of results) {
    const ours = median(r.ours);
    const raw = median(r.raw);
    rows.push([String(writers), fmt(ours), fmt(raw), `${Math.round((100 * ours) / raw)}%`, ...(esdb ? [fmt(median(r.esdb))] : [])]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
  if (opts.rounds > 1) {
    console.log('');
    for (const [writers, r] of results) {
      info(`${writers} writer(s): ours ${r.ours.map(fmt).join(' / ')}; pgbench ${r.raw.map(fmt).join(' / ')}` +
        (esdb ? `; EventStoreDB ${r.esdb.map(fmt).join(' / ')}` : ''));
    }
  }
  const at32 = results.get(32);
  if (at32) {
    const ratio = median(at32.ours) / median(at32.raw);
    info(`goal (32 writers: ours >= 80% of raw INSERT tx/s): ${ratio >= 0.8 ? 'met' : 'not met'} (${Math.round(ratio * 100)}%)`);
  }
}

let interrupted = false; // Ctrl-C: the signal handler tears down and exits; a run cut short is not an error
installSignalHandlers({
  onSignal: () => {
    interrupted = true;
    console.log('\nstopping: shutting down the benchmark cluster…');
  },
});
main()
  .then(() => shutdown())
  .then(() => process.exit(0))
  .catch(async (err) => {
    if (interrupted) return;
    error(err instanceof UserError ? err.message : (err?.stack ?? String(err)));
    await shutdown();
    process.exit(1);
  });

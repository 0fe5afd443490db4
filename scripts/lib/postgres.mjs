// A private PostgreSQL cluster: find the server binaries, initdb, start on a loopback
// port, wait until ready, create databases, stop. Works as root (initdb refuses root, so
// the cluster is owned by and run as the `postgres` system user) and as a normal user.
import fs from 'node:fs';
import path from 'node:path';
import { capture, run, runSync, isRoot, which, sleep } from './proc.mjs';
import { UserError, info, step } from './log.mjs';
import { aptInstall, canApt } from './apt.mjs';

const MIN_MAJOR = 15;

function hasServer(dir) {
  return dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
}

function majorOf(dir) {
  const m = /\/postgresql\/(\d+)\/bin$/.exec(dir);
  return m ? Number(m[1]) : null;
}

/** Locate the PostgreSQL server binaries (initdb, pg_ctl, postgres), newest first. */
export function findPgBinDir() {
  const candidates = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  const pgConfig = which('pg_config');
  if (pgConfig) {
    const r = runSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (r.status === 0) candidates.push(r.stdout.trim());
  }
  for (const base of ['/usr/lib/postgresql', '/usr/local/lib/postgresql']) {
    if (!fs.existsSync(base)) continue;
    const versions = fs
      .readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(base, v, 'bin'));
  }
  const initdb = which('initdb');
  if (initdb) candidates.push(path.dirname(initdb));
  for (const dir of candidates) {
    if (!hasServer(dir)) continue;
    const major = majorOf(dir) ?? serverMajor(dir);
    if (major !== null && major < MIN_MAJOR) continue;
    return dir;
  }
  return null;
}

function serverMajor(bindir) {
  const r = runSync(path.join(bindir, 'postgres'), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Find the server binaries; when absent and we are root with apt-get, install the Debian
 * package `postgresql`. Otherwise fail with a message that says what to install.
 */
export async function ensurePgBinaries({ install = true } = {}) {
  let dir = findPgBinDir();
  if (dir) return dir;
  if (install && canApt()) {
    step('PostgreSQL server binaries not found: installing the Debian package `postgresql`');
    await aptInstall(['postgresql']);
    dir = findPgBinDir();
    if (dir) return dir;
  }
  throw new UserError(
    `PostgreSQL ${MIN_MAJOR}+ server binaries (initdb, pg_ctl) were not found.\n` +
      `  Install them, e.g. on Debian/Ubuntu: sudo apt-get install postgresql\n` +
      `  (they live in /usr/lib/postgresql/<version>/bin, which need not be on PATH;\n` +
      `  set PG_BINDIR to point elsewhere), or set CALLCENTER_DB to use an existing server.`,
  );
}

function chownToPostgres(p) {
  const r = runSync('chown', ['-R', 'postgres:postgres', p]);
  if (r.status !== 0) throw new UserError(`could not chown ${p} to the postgres user`);
}

/** Make every directory from `dir` up to / traversable by others (needed when running as `postgres`). */
function checkTraversable(dir) {
  let d = path.resolve(dir);
  while (true) {
    const st = fs.statSync(d);
    if ((st.mode & 0o001) === 0) {
      throw new UserError(
        `${d} is not traversable by the postgres user (mode ${(st.mode & 0o777).toString(8)}); ` +
          `as root the private cluster runs as \`postgres\`. Run from a directory others can enter, ` +
          `or chmod o+x ${d}.`,
      );
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
}

export class PgCluster {
  /**
   * @param {object} o
   * @param {string} o.baseDir   directory holding data/, run/ and postgres.log
   * @param {number} o.port      loopback TCP port
   * @param {string} o.bindir    server binaries
   * @param {Record<string,string>} [o.settings] extra postgresql.conf settings (init only)
   */
  constructor({ baseDir, port, bindir, settings = {} }) {
    this.baseDir = path.resolve(baseDir);
    this.dataDir = path.join(this.baseDir, 'data');
    this.runDir = path.join(this.baseDir, 'run');
    this.logFile = path.join(this.baseDir, 'postgres.log');
    this.port = port;
    this.bindir = bindir;
    this.settings = settings;
    this.asPostgres = isRoot();
    this.startedByUs = false;
  }

  bin(name) {
    return path.join(this.bindir, name);
  }

  /** argv prefix that runs a server binary as the right OS user. */
  cmd(name, args) {
    if (this.asPostgres) return ['runuser', ['-u', 'postgres', '--', this.bin(name), ...args]];
    return [this.bin(name), args];
  }

  exists() {
    return fs.existsSync(path.join(this.dataDir, 'PG_VERSION'));
  }

  /** Socket directory, or '' (TCP only) when the path would be too long for a Unix socket. */
  socketDir() {
    return `${this.runDir}/.s.PGSQL.${this.port}`.length < 100 ? this.runDir : '';
  }

  async init() {
    fs.mkdirSync(this.baseDir, { recursive: true, mode: 0o755 });
    fs.mkdirSync(this.runDir, { recursive: true, mode: 0o755 });
    if (this.asPostgres) {
      checkTraversable(path.dirname(this.baseDir));
      chownToPostgres(this.baseDir);
    }
    const [c, a] = this.cmd('initdb', [
      '-D', this.dataDir,
      '-U', 'postgres',
      '--auth=trust',
      '-E', 'UTF8',
      '--locale=C.UTF-8', // Chinese text must make trigrams for fuzzy customer search (pg_trgm)
      '--no-instructions',
    ]);
    const r = await capture(c, a, { cwd: this.baseDir });
    if (r.code !== 0) {
      throw new UserError(`initdb failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
    }
    const conf = {
      listen_addresses: "'127.0.0.1'",
      max_connections: '200',
      unix_socket_directories: `'${this.socketDir()}'`,
      logging_collector: 'off',
      ...this.settings,
    };
    const lines = Object.entries(conf).map(([k, v]) => `${k} = ${v}`);
    fs.appendFileSync(
      path.join(this.dataDir, 'postgresql.conf'),
      `\n# added by scripts/lib/postgres.mjs\n${lines.join('\n')}\n`,
    );
  }

  /** Verify an existing data directory was made by this major version. */
  checkVersion() {
    const dataMajor = Number(fs.readFileSync(path.join(this.dataDir, 'PG_VERSION'), 'utf8').trim());
    const binMajor = majorOf(this.bindir) ?? serverMajor(this.bindir);
    if (binMajor !== null && dataMajor !== binMajor) {
      throw new UserError(
        `the cluster in ${this.dataDir} was made by PostgreSQL ${dataMajor}, but the server found is ` +
          `${binMajor} (${this.bindir}). Set PG_BINDIR to a ${dataMajor} installation, or delete ` +
          `${this.baseDir} to start over (this loses the demo data).`,
      );
    }
  }

  /** Is a server running on this data directory? Returns its port, or null. */
  runningPort() {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return null;
    const [c, a] = this.cmd('pg_ctl', ['status', '-D', this.dataDir]);
    const r = runSync(c, a, { stdio: 'ignore' });
    if (r.status !== 0) return null;
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
    const port = Number(lines[3]);
    return Number.isFinite(port) && port > 0 ? port : null;
  }

  async start() {
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='${this.socketDir()}'`;
    const [c, a] = this.cmd('pg_ctl', ['start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', '90', '-o', opts]);
    if (this.asPostgres) chownToPostgres(this.runDir);
    const r = await capture(c, a, { cwd: this.baseDir });
    if (r.code !== 0) {
      throw new UserError(
        `PostgreSQL did not start on 127.0.0.1:${this.port} (pg_ctl exit ${r.code}).\n${r.stdout}${r.stderr}` +
          `\n--- last lines of ${this.logFile} ---\n${tail(this.logFile, 20)}`,
      );
    }
    this.startedByUs = true;
    await this.waitReady();
  }

  async waitReady(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const r = await capture(this.bin('pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres']);
      if (r.code === 0) return;
      await sleep(200);
    }
    throw new UserError(`PostgreSQL on 127.0.0.1:${this.port} did not become ready within ${timeoutMs / 1000} s`);
  }

  async stop() {
    if (!this.exists()) return;
    const [c, a] = this.cmd('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '60']);
    await capture(c, a, { cwd: this.baseDir });
    this.startedByUs = false;
  }

  /** For process 'exit' handlers: stop synchronously. */
  stopSync() {
    if (!this.startedByUs) return;
    const [c, a] = this.cmd('pg_ctl', ['stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '20']);
    runSync(c, a, { cwd: this.baseDir });
    this.startedByUs = false;
  }

  connectionString(database = 'postgres') {
    return `Host=127.0.0.1;Port=${this.port};Username=postgres;Database=${database}`;
  }

  async psql(sql, database = 'postgres') {
    const r = await capture(this.bin('psql'), [
      '-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-d', database,
      '-v', 'ON_ERROR_STOP=1', '-tAc', sql,
    ]);
    if (r.code !== 0) throw new UserError(`psql failed: ${r.stderr.trim()}`);
    return r.stdout.trim();
  }

  /** Create `name` unless it exists. Returns true if it was created. */
  async ensureDatabase(name) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new UserError(`bad database name: ${name}`);
    const exists = await this.psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (exists === '1') return false;
    await this.psql(`CREATE DATABASE "${name}"`);
    return true;
  }
}

export function tail(file, n = 40) {
  try {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    return lines.slice(-n - 1).join('\n');
  } catch {
    return '(no log)';
  }
}


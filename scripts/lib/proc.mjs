// Child processes: run with inherited output, capture output, long-running services,
// and tearing everything down (whole process trees) on exit or Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const live = new Set(); // child processes we started and that have not exited yet
const cleanups = []; // async teardown steps, run last-registered first
let shuttingDown = null;

function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Send a signal to a child's whole process group (children are spawned detached). */
export function killTree(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Terminate a child tree politely, then forcibly after `graceMs`. */
export async function stopTree(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killTree(child, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), graceMs));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killTree(child, 'SIGKILL');
    await exited;
  }
}

/**
 * Run a command to completion. Output is inherited (shown to the user) unless
 * `logFile` is given (then stdout+stderr go there). Resolves with { code, signal }.
 */
export function run(cmd, args, { cwd, env, logFile, input } = {}) {
  return new Promise((resolve, reject) => {
    let out = 'inherit';
    let fd;
    if (logFile) {
      fd = fs.openSync(logFile, 'a');
      out = fd;
    }
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', out, out],
      detached: true,
    });
    track(child);
    if (input !== undefined) child.stdin.end(input);
    child.once('error', (err) => {
      if (fd !== undefined) fs.closeSync(fd);
      reject(err.code === 'ENOENT' ? new Error(`command not found: ${cmd}`) : err);
    });
    child.once('close', (code, signal) => {
      if (fd !== undefined) fs.closeSync(fd);
      resolve({ code: code ?? 1, signal });
    });
  });
}

/** Run a command and collect its output. Resolves with { code, stdout, stderr }. */
export function capture(cmd, args, { cwd, env, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    child.once('error', (err) =>
      reject(err.code === 'ENOENT' ? new Error(`command not found: ${cmd}`) : err),
    );
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Synchronous variant for places where async is not possible (process 'exit'). */
export function runSync(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { stdio: 'ignore', timeout: 30_000, ...opts });
}

/**
 * Start a long-running child (e.g. the web app). Output is inherited or written to
 * `logFile`. Returns the ChildProcess; it is killed automatically when we exit.
 */
export function startService(cmd, args, { cwd, env, logFile } = {}) {
  let out = 'inherit';
  if (logFile) out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', out, out], detached: true });
  if (typeof out === 'number') fs.closeSync(out);
  track(child);
  return child;
}

/** Register an async teardown step (runs on normal shutdown and on SIGINT/SIGTERM). */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** True once shutdown() has begun (Ctrl-C, or a normal end). */
export function isShuttingDown() {
  return shuttingDown !== null;
}

/** Run all teardown steps once (idempotent), last registered first. */
export function shutdown() {
  if (!shuttingDown) {
    shuttingDown = (async () => {
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          await fn();
        } catch (err) {
          console.error(`cleanup failed: ${err?.message ?? err}`);
        }
      }
      await Promise.all([...live].map((c) => stopTree(c, 5_000)));
    })();
  }
  return shuttingDown;
}

/**
 * Ctrl-C / SIGTERM: tear down and exit. `onSignal` may print something first.
 * On a hard exit (uncaught error), whatever is still running is killed synchronously.
 */
export function installSignalHandlers({ onSignal, exitSync, watchParent = !!process.env.npm_lifecycle_event } = {}) {
  let count = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, async () => {
      count++;
      if (count > 2) {
        // third Ctrl-C: give up waiting
        for (const c of live) killTree(c, 'SIGKILL');
        process.exit(130);
      }
      if (count > 1) return;
      onSignal?.(sig);
      await shutdown();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  // Under `npm start`, a SIGTERM to npm kills npm and its `sh -c` without passing it on to
  // us: notice that our parent went away and shut down as if we had been sent SIGTERM.
  if (watchParent) {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(timer);
        process.emit('SIGTERM', 'SIGTERM');
      }
    }, 1000);
    timer.unref();
  }
  process.on('exit', () => {
    for (const c of live) killTree(c, 'SIGKILL');
    try {
      exitSync?.();
    } catch {
      /* best effort */
    }
  });
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Is `cmd` on PATH? */
export function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v "${cmd}"`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

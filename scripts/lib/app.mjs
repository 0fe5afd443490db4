// Starting the built CallCenter.Api and waiting until /health answers 200.
import fs from 'node:fs';
import path from 'node:path';
import { startService, sleep } from './proc.mjs';
import { API_DLL, SPA_DIR } from './paths.mjs';
import { UserError } from './log.mjs';
import { tail } from './postgres.mjs';
import { dotnetEnv } from './build.mjs';

/**
 * @param {object} o
 * @param {string} o.db          Npgsql connection string (CALLCENTER_DB)
 * @param {number} o.port        CALLCENTER_PORT
 * @param {string} [o.logFile]   where stdout/stderr go (default: inherited)
 * @param {Record<string,string>} [o.env] extra environment (CALLCENTER_SIMULATOR, …)
 */
export function startApp({ db, port, logFile, env = {} }) {
  if (!fs.existsSync(API_DLL)) throw new UserError(`${API_DLL} does not exist: the backend build failed?`);
  const child = startService('dotnet', [API_DLL], {
    cwd: path.dirname(API_DLL), // content root: appsettings*.json sit next to the dll
    logFile,
    env: {
      ...dotnetEnv(),
      CALLCENTER_DB: db,
      CALLCENTER_PORT: String(port),
      CALLCENTER_SPA_DIR: process.env.CALLCENTER_SPA_DIR || SPA_DIR,
      ...env,
    },
  });
  return child;
}

/** Poll GET {url}/health until 200; fail early if the app exits. */
export async function waitHealthy(url, child, { timeoutMs = 180_000, logFile } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  let last = '';
  while (Date.now() < deadline) {
    if (exited) {
      throw new UserError(
        `the app exited before it was healthy (exit ${exited.code ?? exited.signal})` +
          (logFile ? `\n--- last lines of ${logFile} ---\n${tail(logFile, 40)}` : ''),
      );
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await sleep(250);
  }
  throw new UserError(
    `${url}/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})` +
      (logFile ? `\n--- last lines of ${logFile} ---\n${tail(logFile, 40)}` : ''),
  );
}

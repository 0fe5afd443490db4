// Building the backend (dotnet, Release) and the SPA (vite), skipping what is up to date.
import fs from 'node:fs';
import path from 'node:path';
import { run } from './proc.mjs';
import { ROOT, API_DLL, SPA_DIR, FRONTEND_DIR } from './paths.mjs';
import { UserError, info, step, seconds } from './log.mjs';

const SKIP_DIRS = new Set(['bin', 'obj', 'node_modules', 'dist', '.vite', 'coverage', 'TestResults', 'test-results']);

/** Newest modification time of any file under the given paths (skipping build output). */
export function newestMtime(paths) {
  let newest = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) {
        if (SKIP_DIRS.has(e) || e.startsWith('.')) continue;
        walk(path.join(p, e));
      }
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  paths.forEach(walk);
  return newest;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

const rootBuildFiles = () =>
  fs
    .readdirSync(ROOT)
    .filter((f) => /\.(sln|slnx|props|targets)$/.test(f) || /^(global\.json|nuget\.config)$/i.test(f))
    .map((f) => path.join(ROOT, f));

export function backendSources() {
  return [
    path.join(ROOT, 'backend'),
    path.join(ROOT, 'migrations'),
    path.join(ROOT, 'eventstore'),
    ...rootBuildFiles(),
  ];
}

export const dotnetEnv = () => ({
  ...process.env,
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
  DOTNET_CLI_UI_LANGUAGE: 'en',
});

/**
 * `dotnet build -c Release <target>`. With `skipIfFresh`, nothing is done when the API dll
 * is newer than every backend source file.
 */
export async function buildBackend({ target, skipIfFresh = false, logFile } = {}) {
  if (skipIfFresh && mtime(API_DLL) > newestMtime(backendSources())) {
    info('backend build is up to date');
    return { code: 0, skipped: true };
  }
  step(`dotnet build -c Release ${path.relative(ROOT, target)}`);
  const t0 = Date.now();
  const r = await run('dotnet', ['build', target, '-c', 'Release', '-nologo', '-v', 'minimal', '-clp:NoSummary;ErrorsOnly'], {
    cwd: ROOT,
    env: dotnetEnv(),
    logFile,
  });
  if (r.code === 0 && fs.existsSync(API_DLL)) {
    // the dll is not rewritten when nothing changed; stamp it so the fresh-check sees the build
    const now = new Date();
    fs.utimesSync(API_DLL, now, now);
  }
  info(`dotnet build finished in ${seconds(Date.now() - t0)} (exit ${r.code})`);
  return r;
}

/** `npm run build --workspace frontend` unless dist/ is newer than every frontend source. */
export async function buildFrontend({ skipIfFresh = true } = {}) {
  if (!fs.existsSync(path.join(FRONTEND_DIR, 'package.json'))) {
    throw new UserError('frontend/package.json is missing: the SPA cannot be built');
  }
  const distIndex = path.join(SPA_DIR, 'index.html');
  const sources = [FRONTEND_DIR, path.join(ROOT, 'package-lock.json')];
  if (skipIfFresh && mtime(distIndex) > newestMtime(sources)) {
    info('SPA build is up to date (frontend/dist)');
    return { code: 0, skipped: true };
  }
  step('npm run build --workspace frontend');
  const t0 = Date.now();
  const r = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--workspace', 'frontend'], {
    cwd: ROOT,
  });
  if (r.code === 0 && !fs.existsSync(distIndex)) {
    throw new UserError('the frontend build succeeded but frontend/dist/index.html is missing');
  }
  info(`SPA build finished in ${seconds(Date.now() - t0)} (exit ${r.code})`);
  return r;
}

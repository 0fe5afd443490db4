// Make sure node_modules matches package.json / package-lock.json.
import fs from 'node:fs';
import path from 'node:path';
import { run } from './proc.mjs';
import { ROOT } from './paths.mjs';
import { UserError, info, step } from './log.mjs';

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function manifests() {
  const list = [path.join(ROOT, 'package.json'), path.join(ROOT, 'package-lock.json')];
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const ws of pkg.workspaces ?? []) list.push(path.join(ROOT, ws, 'package.json'));
  return list;
}

/** True when node_modules is missing or older than a manifest or the lock file. */
export function npmPackagesStale() {
  const stamp = mtime(path.join(ROOT, 'node_modules', '.package-lock.json'));
  if (!stamp) return true;
  return manifests().some((m) => mtime(m) > stamp);
}

export async function ensureNpmPackages({ force = false } = {}) {
  if (!force && !npmPackagesStale()) {
    info('npm packages are up to date');
    return;
  }
  const env = {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', // never let a test tool fetch its own browser
    PUPPETEER_SKIP_DOWNLOAD: '1',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const hasLock = fs.existsSync(path.join(ROOT, 'package-lock.json'));
  let ok = false;
  if (hasLock) {
    step('npm ci');
    ok = (await run(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, env })).code === 0;
    if (!ok) info('npm ci failed (package-lock.json out of date?); falling back to npm install');
  }
  if (!ok) {
    step('npm install');
    ok = (await run(npm, ['install', '--no-audit', '--no-fund'], { cwd: ROOT, env })).code === 0;
  }
  if (!ok) throw new UserError('installing npm packages failed (see the npm output above)');
  // npm may write package-lock.json after its hidden lock file: mark node_modules fresh.
  const stamp = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (fs.existsSync(stamp)) {
    const now = new Date();
    fs.utimesSync(stamp, now, now);
  }
}

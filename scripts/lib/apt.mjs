// Installing Debian packages, only when we are root and apt-get exists.
import { run, isRoot, which } from './proc.mjs';
import { UserError, step } from './log.mjs';

let updated = false;

export function canApt() {
  return isRoot() && !!which('apt-get');
}

export async function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) {
    step('apt-get update');
    const u = await run('apt-get', ['update'], { env });
    if (u.code !== 0) throw new UserError(`apt-get update failed (exit ${u.code})`);
    updated = true;
  }
  step(`apt-get install -y ${packages.join(' ')}`);
  const r = await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
  if (r.code !== 0) throw new UserError(`apt-get install ${packages.join(' ')} failed (exit ${r.code})`);
}

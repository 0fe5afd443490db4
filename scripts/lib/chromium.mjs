// Debian's Chromium for the Playwright end-to-end tests. Never a browser download.
import fs from 'node:fs';
import { runSync } from './proc.mjs';
import { aptInstall, canApt } from './apt.mjs';
import { info, warn } from './log.mjs';

export const CHROMIUM = process.env.CALLCENTER_CHROMIUM || '/usr/bin/chromium';

function debInstalled(pkg) {
  const r = runSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

/**
 * Returns { path } when Chromium is usable, else { path: null, reason }.
 * Installs `chromium fonts-noto-cjk` with apt-get when missing and we are root.
 */
export async function ensureChromium({ install = true } = {}) {
  if (fs.existsSync(CHROMIUM)) {
    if (install && canApt() && !debInstalled('fonts-noto-cjk')) {
      try {
        await aptInstall(['fonts-noto-cjk']);
      } catch (e) {
        warn(`could not install fonts-noto-cjk (Chinese text renders as boxes in screenshots): ${e.message}`);
      }
    }
    info(`Chromium: ${CHROMIUM}`);
    return { path: CHROMIUM };
  }
  if (install && canApt() && CHROMIUM === '/usr/bin/chromium') {
    try {
      await aptInstall(['chromium', 'fonts-noto-cjk']);
    } catch (e) {
      return { path: null, reason: `installing Chromium with apt-get failed: ${e.message}` };
    }
    if (fs.existsSync(CHROMIUM)) return { path: CHROMIUM };
  }
  return {
    path: null,
    reason:
      `Chromium was not found at ${CHROMIUM}. Install Debian's Chromium ` +
      `(sudo apt-get install chromium fonts-noto-cjk) or set CALLCENTER_CHROMIUM to a Chromium/Chrome binary. ` +
      `The tests never download a browser of their own.`,
  };
}

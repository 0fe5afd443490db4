#!/usr/bin/env node
// npm run check:demo — the live demo under load (issue 12; described in docs/demo-check.md).
//
// Against a running `npm start` (default http://127.0.0.1:5080), for --minutes (default 30), with --load CPU-bound
// processes beside it (default 4):
//   - every 10 s, the supervisor's view (GET /api/agents, as admin): no bot (agent11–agent20) is in after-call work
//     longer than its wrap-up time (at most 59 s, TrafficModel) plus a minute;
//   - every 5 minutes and at the end, for every bot: the supervisor's view and the auditor's replay of today
//     (GET /api/audit/agents/{id}/days/{today in the center's zone}) agree — the replay's last period is the state the
//     view shows, begun at the view's `since` (±1 s).
// Exits 1 if either ever fails, printing each failure.
import { spawn } from 'node:child_process';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg('url', process.env.CALLCENTER_URL ?? 'http://127.0.0.1:5080');
const minutes = Number(arg('minutes', 30));
const load = Number(arg('load', 4));
const password = process.env.CALLCENTER_DEMO_PASSWORD || 'demo123';
const bots = Array.from({ length: 10 }, (_, i) => `agent${i + 11}`);
const maxWrapMs = (59 + 60) * 1000;

async function signIn(username) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (path) => {
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return res.json();
  };
}

const burners = Array.from({ length: load }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));

const admin = await signIn('admin');
const auditor = await signIn('auditor');
const { timeZone } = await admin('/api/settings');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const failures = [];
let worstWrap = { agent: '-', ms: 0 };
let checks = 0;
let agreements = 0;

async function checkWrapUp() {
  const rows = await admin('/api/agents');
  const now = Date.now();
  for (const row of rows.filter((r) => bots.includes(r.agentId) && r.state === 'wrapUp' && r.since)) {
    const ms = now - Date.parse(row.since);
    if (ms > worstWrap.ms) worstWrap = { agent: row.agentId, ms };
    if (ms > maxWrapMs) failures.push(`${new Date().toISOString()} ${row.agentId} in after-call work for ${Math.round(ms / 1000)} s (since ${row.since})`);
  }
  checks++;
}

async function checkAudit() {
  for (const agent of bots) {
    // A state may change between the two reads: the view is read before and after the replay, and only a stable one counts.
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await admin(`/api/agents/${agent}`);
      const day = await auditor(`/api/audit/agents/${agent}/days/${today()}`);
      const after = await admin(`/api/agents/${agent}`);
      if (before.revision !== after.revision) continue;
      const last = day.timeline.at(-1);
      const signedOut = before.state === 'signedOut';
      const agrees = signedOut
        ? !last || !last.clippedEnd
        : last && last.state === before.state && Math.abs(Date.parse(last.since ?? last.start) - Date.parse(before.since)) <= 1000;
      if (agrees) agreements++;
      else failures.push(`${new Date().toISOString()} ${agent}: view ${before.state} since ${before.since}, replay ends ${last ? `${last.state} from ${last.since ?? last.start}` : 'empty'}`);
      break;
    }
  }
}

const end = Date.now() + minutes * 60_000;
let nextAudit = Date.now() + 5 * 60_000;
console.log(`check:demo on ${url} for ${minutes} min with ${load} CPU-bound processes beside it (center zone ${timeZone})`);
while (Date.now() < end) {
  await checkWrapUp();
  if (Date.now() >= nextAudit) {
    await checkAudit();
    nextAudit += 5 * 60_000;
    console.log(`${new Date().toISOString()} ${checks} views checked, longest after-call work ${Math.round(worstWrap.ms / 1000)} s (${worstWrap.agent}), ` +
      `${agreements} view/replay agreements, ${failures.length} failures; load ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
  await new Promise((r) => setTimeout(r, 10_000));
}
await checkAudit();
stopBurners();
console.log(`done: ${checks} views checked, longest after-call work ${Math.round(worstWrap.ms / 1000)} s (${worstWrap.agent}; limit ${maxWrapMs / 1000} s), ` +
  `${agreements} view/replay agreements, ${failures.length} failures`);
for (const f of failures) console.log(`FAIL ${f}`);
process.exit(failures.length ? 1 : 0);

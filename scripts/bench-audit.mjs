#!/usr/bin/env node
// npm run bench:audit — the audit replay of one agent's busy day (R-USE-3, GET /api/audit/agents/{id}/days/{day}).
//
// Starts a throwaway PostgreSQL cluster (default durability), builds and starts the app (simulator off), then runs
// tests/CallCenter.AuditBench against it over real HTTP:
//   1. history for the 20 demo agents on both sides of the audited day (POST /api/simulator/history);
//   2. the audited day: agent1 takes 300 calls (DaySimulation), PBX facts through POST /api/cti/events;
//   3. the replay timed R times as the auditor: p50/p95/max (goal: p95 < 100 ms).
// Options: --history-days 30 --history-calls 1000 --calls 300 --runs 50
// BENCH_AUDIT_HOLD_SECONDS=N keeps the app (and its data) up N seconds after the bench, e.g. for screenshots.
import { runAppBench } from './lib/bench-app.mjs';
import { info } from './lib/log.mjs';

runAppBench({
  name: 'audit',
  project: 'CallCenter.AuditBench',
  async after(url) {
    const hold = Number(process.env.BENCH_AUDIT_HOLD_SECONDS ?? 0); // e.g. to take screenshots of the audited day
    if (hold > 0) {
      info(`app kept on ${url} (auditor / demo123) for ${hold} s`);
      await new Promise((resolve) => setTimeout(resolve, hold * 1000));
    }
  },
});

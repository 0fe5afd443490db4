#!/usr/bin/env node
// npm run bench:pop — screen-pop latency at 200 agents and 10× the busy hour, and the virtual-clock ingest rate.
//
// Starts a throwaway PostgreSQL cluster (default durability), builds and starts the app (simulator off), then runs
// tests/CallCenter.PopBench against it over real HTTP and WebSockets:
//   1. N days of history through POST /api/simulator/history (CTI ingestion on a virtual clock): events/s;
//   2. 200 agents with a SignalR connection each; calls offered at 9.2 calls/s through POST /api/cti/events
//      (R-SCALE-1: 1,000,000 calls a month ≈ 33,000 a day; busy hour ≈ 10 % of the day; × 10 ≈ 9.2 calls/s);
//      latency from the CallOffered append acknowledged to the agent's `screenPop` message: p50/p95/p99/max.
// Options: --agents 200 --rate 9.2 --seconds 60 --history-days 30 --history-calls 500
import { runAppBench } from './lib/bench-app.mjs';

runAppBench({ name: 'pop', project: 'CallCenter.PopBench' });

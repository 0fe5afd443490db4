import type { AgentStateKey } from '../../../shared/api/types';

/** GET /api/audit/agents/{agentId}/days/{yyyy-MM-dd} (R-USE-3): an agent's center day replayed from the event store. */
export interface AuditEvent {
  position: string;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  at: string | null;
  recordedAt: string;
  actor: string | null;
  source: string | null;
  correlationId: string | null;
  causationId: string | null;
  data: unknown;
}

export interface StatePeriod {
  state: AgentStateKey;
  reasonCode: string | null;
  start: string;
  end: string;
  durationMs: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  since: string | null;
  callIds: string[];
}

export interface StateTotal {
  state: AgentStateKey;
  reasonCode: string | null;
  durationMs: number;
  periods: number;
}

export interface HandledCall {
  callId: string;
  direction: string;
  internal: boolean;
  caller: string | null;
  queue: string | null;
  offeredAt: string | null;
  answeredAt: string;
  endedAt: string | null;
  talkMs: number;
  holdMs: number;
  holds: number;
  purpose: string | null;
  subtype: string | null;
  surveyScore: number | null;
  events: AuditEvent[];
}

export interface AgentDay {
  agentId: string;
  agentName: string;
  day: string;
  from: string;
  to: string;
  inProgress: boolean;
  firstSignedInAt: string | null;
  lastSignedOutAt: string | null;
  signedInMs: number;
  events: AuditEvent[];
  timeline: StatePeriod[];
  totals: StateTotal[];
  notReadyReasons: StateTotal[];
  calls: HandledCall[];
  read: { startRevision: number; openingEvents: number; dayEvents: number; callEvents: number };
}

export interface AgentOption {
  agentId: string;
  name: string;
}

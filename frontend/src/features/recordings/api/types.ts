/** GET /api/recordings rows (API.md "Recordings and the call log"; direction, queue, purpose, audioUrl are additive). */
export interface Recording {
  id: string;
  callId: string;
  agentId: string | null;
  startedAt: string;
  durationSeconds: number;
  ani: string | null;
  dnis: string | null;
  direction: string | null;
  queue: string | null;
  purpose: string | null;
  audioUrl: string;
}

/** GET /api/recordings/{id}/accesses rows. */
export interface RecordingAccess {
  userId: string;
  userName: string;
  kind: 'play' | 'download';
  at: string;
}

/** GET /api/calls rows. */
export interface CallLogEntry {
  callId: string;
  startedAt: string;
  number: string | null;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  durationSeconds: number;
  agentId: string | null;
  queue: string | null;
  purpose: string | null;
  subtype: string | null;
  recordingId: string | null;
}

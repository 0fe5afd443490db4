/** GET /api/projections, one row per projection (docs/decisions/0006-blue-green-projection-rebuilds.md). */
export interface ProjectionLag {
  events: number;
  /** The count stopped at its cap: there are at least `events`. */
  atLeast: boolean;
  seconds: number;
}

/** The SignalR message `projectionProgress`, and the `rebuild` part of a row. */
export interface RebuildProgress {
  version: number;
  phase: 'building' | 'switched' | 'failed';
  position: number | null;
  processed: number;
  total: number | null;
  eventsPerSecond: number;
  etaSeconds: number | null;
  error: string | null;
}

/** The event a projection stopped at and why (the `fault` part of a row, and the SignalR message `projectionFaulted`). */
export interface ProjectionFault {
  name: string;
  position: number;
  eventId: string;
  eventType: string;
  streamId: string;
  error: string;
  attempts: number;
  faultedAt: string;
}

export interface ProjectionInfo {
  name: string;
  rebuildable: boolean;
  version: number | null;
  state: 'live' | 'rebuilding' | 'faulted';
  position: number | null;
  eventAt: string | null;
  lag: ProjectionLag | null;
  rebuild: (RebuildProgress & { requestedAt: string | null; requestedBy: string | null }) | null;
  fault?: ProjectionFault | null;
}

/** `projectionProgress` as pushed (name and startedAt instead of the request's who and when). */
export interface ProjectionProgressMessage extends RebuildProgress {
  name: string;
  startedAt: string;
}

export const PROJECTION_PROGRESS = 'projectionProgress';
export const PROJECTION_FAULTED = 'projectionFaulted';
export const projectionsKey = ['projections'] as const;

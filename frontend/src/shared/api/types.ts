/** Contract types shared with the backend (JSON camelCase). */

export type Role = 'agent' | 'supervisor' | 'admin' | 'teamadmin' | 'analyst' | 'auditor' | 'qa';

export type AgentStateKey = 'signedOut' | 'ready' | 'notReady' | 'talking' | 'wrapUp';

export const agentStateKeys: readonly AgentStateKey[] = [
  'ready',
  'notReady',
  'talking',
  'wrapUp',
  'signedOut',
];

export interface AgentState {
  agentId: string;
  name: string;
  state: AgentStateKey;
  reasonCode: string | null;
  /** ISO-8601 time the agent entered this state. */
  since: string;
  extension: string | null;
  skillGroups: string[];
  currentCallId: string | null;
  revision: number;
  /** The ended customer call the agent must tag before going ready again (R-TAG-2). */
  untaggedCallId?: string | null;
  /** R-STATE-3: the break granted from a call or after-call work, begun when the wrap-up ends. */
  scheduledReasonCode?: string | null;
  /** R-SUP-5: the supervisor or admin who set this state (null: the agent itself, the PBX or the system). */
  changedBy?: string | null;
}

export interface Me {
  id: string;
  name: string;
  roles: Role[];
  skillGroups: string[];
  extension: string | null;
  agentState: AgentState | null;
  team?: string | null;
  teamName?: string | null;
  /** What my roles allow (Roles.cs Permissions), e.g. "agents.act-for-own-teams". */
  permissions?: string[];
  agentTypes?: string[];
  /** Skill group → proficiency 1–5. */
  proficiency?: Record<string, number>;
}

export interface PublicSettings {
  centerTitle: string;
  /** The center's IANA time zone (every day, hour, week of reports and the audit); absent from older servers. */
  timeZone?: string;
  /** Its UTC offset now, e.g. "UTC+8". */
  timeZoneOffset?: string;
  /** The center's logo as a data URL (R-UI-1), when an admin set one. */
  logo?: string | null;
}

export interface ReasonCode {
  code: string;
  name: string;
  nameZh?: string | null;
  /** R-STATE-3: asked for through a break request a supervisor approves. */
  needsApproval?: boolean;
  maxAway?: number | null;
}

export interface AnnouncementAudience {
  agents?: string[] | null;
  skillGroups?: string[] | null;
  teams?: string[] | null;
  areas?: string[] | null;
}

export interface Announcement {
  id: string;
  title: string;
  body: string;
  urgent: boolean;
  publishedAt: string;
  author?: string | null;
  /** R-ANN-1: every list empty = everyone. */
  audience?: AnnouncementAudience;
  validFrom?: string | null;
  validTo?: string | null;
  updatedAt?: string | null;
  /** Whether I have read it (GET /api/announcements). */
  read?: boolean;
  /** How many have read it (GET /api/announcements/manage). */
  readCount?: number;
}

/** RFC 9457 problem details. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  /** A stable id of the broken rule (422), translated by the SPA as errorCode.{code} with `args`. */
  code?: string;
  args?: Record<string, string>;
}

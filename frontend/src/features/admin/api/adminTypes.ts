/** Shapes of the admin reference-data endpoints (see the OpenAPI document). */
export interface ReasonCode {
  code: string;
  name: string;
  nameZh?: string | null;
  active: boolean;
  needsApproval: boolean;
  maxAway?: number | null;
}

export interface CallPurpose {
  code: string;
  name: string;
  nameZh?: string | null;
  subtypes: string[];
  active: boolean;
}

export interface SkillGroup {
  id: string;
  name: string;
  nameZh?: string | null;
  active: boolean;
  members: string[];
  queues: string[];
}

export const STRATEGIES = ['skill-based', 'longest-idle', 'sequential', 'balanced', 'customer-priority', 'last-agent', 'time-of-day'] as const;
export const AFTER_HOURS = ['duty-agents', 'voicemail', 'overflow'] as const;

export interface Queue {
  id: string;
  name: string;
  nameZh?: string | null;
  strategy: string;
  ivrKey?: string | null;
  serviceLevelSeconds: number;
  maxWaitSeconds: number;
  opensAt: string;
  closesAt: string;
  dutyAgents: string[];
  skillGroup: string;
  calendarId?: string | null;
  afterHours: string;
  overflowQueue?: string | null;
  active: boolean;
}

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export interface WeeklyWindow {
  day: string;
  open: string;
  close: string;
}
export interface Holiday {
  date: string;
  name?: string | null;
}
export interface HoursException {
  date: string;
  windows: { open: string; close: string }[];
  name?: string | null;
}
export interface BusinessCalendar {
  id: string;
  name: string;
  nameZh?: string | null;
  active: boolean;
  weekly: WeeklyWindow[];
  holidays: Holiday[];
  exceptions: HoursException[];
  usedByQueues: string[];
}

export const DIRECTIONS = ['inbound', 'outbound', 'both'] as const;

export interface BlacklistEntry {
  id: number;
  pattern: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  direction: string;
}

export interface AgentRef {
  agentId: string;
  name?: string | null;
}

/** Every TanStack Query key in one place, so features and the SignalR sync agree on them. */
export const queryKeys = {
  me: ['me'] as const,
  publicSettings: ['settings', 'public'] as const,
  reasonCodes: ['reason-codes'] as const,
  announcements: ['announcements'] as const,
  agents: ['agents'] as const,
  agent: (id: string) => ['agent', id] as const,
  /** State changes received live during this browser session (client-only). */
  agentHistory: (id: string) => ['agent-history', id] as const,
  /** The agent's live calls (GET /api/agents/{id}/calls, then `callChanged`). */
  calls: (agentId: string) => ['calls', agentId] as const,
  /** The last known shape of one call, kept after it ended (client-only). */
  call: (callId: string) => ['call', callId] as const,
  /** Calls ringing at someone else that this browser has been told about (pick-up). */
  ringingElsewhere: ['calls-ringing-elsewhere'] as const,
  /** A call's screen pop; with customerId: that customer's single view. */
  screenPop: (callId: string, customerId?: string | null) => ['screen-pop', callId, customerId ?? null] as const,
  /** Which customer the agent chose for a call (client-only; pre-selects the tag dialog). */
  callCustomer: (callId: string) => ['call-customer', callId] as const,
  callPurposes: ['call-purposes'] as const,
  customers: (q: string) => ['customers', q] as const,
  /** Tag dialog closed with "later" (client-only; reopened when "ready" is refused). */
  tagPromptDismissed: (callId: string) => ['tag-prompt-dismissed', callId] as const,
  /** The report catalogue (GET /api/reports). */
  reportCatalog: ['reports'] as const,
  /** One report's rows, by report and full URL (range, grouping, filters). */
  report: (name: string, url: string) => ['report', name, url] as const,
  /** The signed-in agent's own workload for a range (R-ME-2). */
  myWorkload: (from: string, to: string) => ['my-workload', from, to] as const,
  /** Work-order searches (GET /api/work-orders?…); `workOrdersChanged` invalidates every key starting with 'work-orders'. */
  workOrders: (query: string) => ['work-orders', 'list', query] as const,
  workOrder: (id: string) => ['work-orders', 'detail', id] as const,
  workOrderTechnicians: ['work-orders', 'technicians'] as const,
  fieldTeams: ['field-teams'] as const,
  /** Areas with a raised outage alarm (GET /api/alarms/active, then `alarmChanged`). */
  activeAlarms: ['alarms', 'active'] as const,
  alarmHistory: (from: string, to: string, area: string) => ['alarms', 'history', from, to, area] as const,
  alarmSettings: ['alarms', 'settings'] as const,
  /** Users and teams (admins, team admins); mutations invalidate everything under 'users'. */
  users: ['users', 'list'] as const,
  teams: ['users', 'teams'] as const,
  adminChanges: (subject: string) => ['users', 'changes', subject] as const,
  loginLog: (query: string) => ['login-log', query] as const,
  myLogins: ['login-log', 'mine'] as const,
};

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
};

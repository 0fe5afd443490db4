import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/ApiError';
import { queryKeys } from '../../../shared/api/queryKeys';
import { readXsrfToken, XSRF_HEADER } from '../../../shared/api/xsrf';

/** GET /api/users row. */
export interface User {
  id: string;
  name: string;
  roles: string[];
  agentTypes: string[];
  team: string | null;
  skillGroups: string[];
  proficiency: Record<string, number>;
  extension: string | null;
  disabled: boolean;
}

export interface UserBody {
  id?: string;
  name: string;
  password?: string;
  roles: string[];
  agentTypes: string[];
  team: string | null;
  skillGroups: string[];
  proficiency: Record<string, number>;
  extension: string | null;
}

export interface Team {
  id: string;
  name: string;
  supervisors: string[];
  admins: string[];
  members: string[];
}

export interface AdminChange {
  at: string;
  actor: string;
  stream: string;
  type: string;
  change: Record<string, unknown> & { changes?: Record<string, [string | null, string | null]> };
}

export interface ImportResult {
  dryRun: boolean;
  applied: boolean;
  changes: { id: string; action: 'create' | 'update'; changes: Record<string, [string | null, string | null]> | null }[];
  unchanged: number;
  errors: { row: number; field: string; message: string }[];
}

export const ROLES = ['agent', 'supervisor', 'admin', 'teamadmin', 'analyst', 'auditor'] as const;
export const AGENT_TYPES = ['inbound', 'outbound', 'qa', 'training'] as const;

export const useUsers = () => useQuery({ queryKey: queryKeys.users, queryFn: ({ signal }) => apiGet<User[]>('/api/users', signal) });
export const useTeams = () => useQuery({ queryKey: queryKeys.teams, queryFn: ({ signal }) => apiGet<Team[]>('/api/teams', signal) });
/** The skill groups a user can be given: the active ones (retired groups a user still has stay on the user). */
export const useSkillGroups = () =>
  useQuery({
    queryKey: ['users', 'skill-groups'],
    queryFn: async ({ signal }) =>
      (await apiGet<{ id: string; name: string; active: boolean }[]>('/api/skill-groups', signal)).filter((g) => g.active),
  });

export function useAdminChanges(subject: { userId?: string; teamId?: string } | null) {
  const query = subject?.userId ? `userId=${encodeURIComponent(subject.userId)}` : subject?.teamId ? `teamId=${encodeURIComponent(subject.teamId)}` : '';
  return useQuery({
    queryKey: queryKeys.adminChanges(query),
    queryFn: ({ signal }) => apiGet<AdminChange[]>(`/api/admin-changes?${query}`, signal),
    enabled: subject !== null,
  });
}

function useUsersMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () => useUsersMutation((body: UserBody) => apiPost<User>('/api/users', body));
export const useUpdateUser = () => useUsersMutation(({ id, ...body }: UserBody & { id: string }) => apiPut<User>(`/api/users/${encodeURIComponent(id)}`, body));
export const useSetDisabled = () =>
  useUsersMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    apiPost<User>(`/api/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`),
  );
export const useResetPassword = () =>
  useUsersMutation(({ id, newPassword }: { id: string; newPassword: string }) =>
    apiPost<void>(`/api/users/${encodeURIComponent(id)}/password`, { newPassword }),
  );
export const useSaveTeam = () =>
  useUsersMutation(({ creating, ...team }: Team & { creating: boolean }) =>
    creating ? apiPost<Team>('/api/teams', team) : apiPut<Team>(`/api/teams/${encodeURIComponent(team.id)}`, team),
  );

/** POST /api/users/import?dryRun= with the workbook as the body. */
export async function importUsers(file: Blob, dryRun: boolean): Promise<ImportResult> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  const token = readXsrfToken();
  if (token) headers[XSRF_HEADER] = token;
  const response = await fetch(`/api/users/import?dryRun=${dryRun}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, { status: response.status, ...(parsed as object) });
  return parsed as ImportResult;
}

export const useImportUsers = () => useUsersMutation(({ file, dryRun }: { file: Blob; dryRun: boolean }) => importUsers(file, dryRun));

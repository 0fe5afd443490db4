import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export interface LoginAttempt {
  id: number;
  username: string;
  at: string;
  ip: string | null;
  skillGroups: string[];
  succeeded: boolean;
  failure: string | null;
  userAgent: string | null;
}

export interface LoginLogFilter {
  username: string;
  from: string;
  to: string;
  succeeded: '' | 'true' | 'false';
  ip: string;
}

export function loginLogQuery(f: LoginLogFilter): string {
  const p = new URLSearchParams();
  if (f.username) p.set('username', f.username);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.succeeded) p.set('succeeded', f.succeeded);
  if (f.ip) p.set('ip', f.ip);
  p.set('take', '1000');
  return p.toString();
}

/** GET /api/login-log (admins, auditors) with filters; the same query with format=xlsx is the Excel export. */
export function useLoginLog(f: LoginLogFilter) {
  const query = loginLogQuery(f);
  return useQuery({ queryKey: queryKeys.loginLog(query), queryFn: ({ signal }) => apiGet<LoginAttempt[]>(`/api/login-log?${query}`, signal) });
}

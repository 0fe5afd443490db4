import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { LanguageProvider } from '../shared/i18n/LanguageProvider';
import type { Language } from '../shared/i18n/language';
import { queryKeys } from '../shared/api/queryKeys';
import type { AgentState, Me, Role } from '../shared/api/types';

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function Providers({ client, language = 'en', children }: { client: QueryClient; language?: Language; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <LanguageProvider initial={language}>
        <ConfigProvider theme={{ token: { motion: false } }}>
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </LanguageProvider>
    </QueryClientProvider>
  );
}

export function renderWith(ui: ReactElement, options: { client?: QueryClient; language?: Language } = {}) {
  const client = options.client ?? testQueryClient();
  const result = render(
    <Providers client={client} language={options.language}>
      {ui}
    </Providers>,
  );
  return { ...result, client };
}

export function agentState(overrides: Partial<AgentState> = {}): AgentState {
  return {
    agentId: 'agent1',
    name: 'Agent One',
    state: 'ready',
    reasonCode: null,
    since: new Date(Date.now() - 65_000).toISOString(),
    extension: '1001',
    skillGroups: ['broadband'],
    currentCallId: null,
    revision: 3,
    ...overrides,
  };
}

export function me(roles: Role[] = ['agent'], state: AgentState | null = agentState()): Me {
  return {
    id: 'agent1',
    name: 'Agent One',
    roles,
    skillGroups: ['broadband'],
    extension: '1001',
    agentState: state,
  };
}

/** A query client already holding a signed-in user (and their agent state). */
export function signedInClient(user: Me = me()): QueryClient {
  const client = testQueryClient();
  client.setQueryData(queryKeys.me, user);
  if (user.agentState) client.setQueryData(queryKeys.agent(user.id), user.agentState);
  client.setQueryData(queryKeys.reasonCodes, [
    { code: 'break', name: 'Break', nameZh: '休息' },
    { code: 'lunch', name: 'Lunch', nameZh: '午餐' },
  ]);
  return client;
}

export function jsonResponse(status: number, body?: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { LanguageProvider } from '../shared/i18n/LanguageProvider';
import { AntdProvider } from './AntdProvider';
import { AppRoutes } from './AppRoutes';
import { ErrorBoundary } from './ErrorBoundary';
import { createQueryClient } from './queryClient';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <LanguageProvider>
        <AntdProvider>
          <BoundaryWithText>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </BoundaryWithText>
        </AntdProvider>
      </LanguageProvider>
    </QueryClientProvider>
  );
}

function BoundaryWithText({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <ErrorBoundary title={t('app.crashed')} reload={t('app.reload')}>
      {children}
    </ErrorBoundary>
  );
}

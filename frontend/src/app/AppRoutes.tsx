import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/LoginPage';
import { useMe } from '../shared/auth/useMe';
import { SignalRProvider } from '../shared/signalr/SignalRProvider';
import { useCenterTitle } from '../shared/settings/usePublicSettings';
import { problemMessage } from '../shared/ui/problemMessage';
import { DesktopShell } from './DesktopShell';

/** Signed out → /login; signed in → the desktop (with the live SignalR connection). */
export function AppRoutes() {
  const { t } = useTranslation();
  const me = useMe();
  const centerTitle = useCenterTitle();

  if (me.isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }
  if (me.isError) {
    // Can't tell whether we are signed in: offer the login form, say what's wrong, allow a retry.
    return (
      <LoginPage
        centerTitle={centerTitle}
        notice={
          <Alert
            type="warning"
            showIcon
            data-testid="server-unavailable"
            title={problemMessage(me.error, t)}
            action={
              <Button size="small" onClick={() => void me.refetch()} loading={me.isFetching}>
                {t('app.retry')}
              </Button>
            }
          />
        }
      />
    );
  }

  const user = me.data;
  return (
    <SignalRProvider enabled={!!user}>
      <Routes>
        <Route path="/login" element={user ? <Navigate to="/" replace /> : <LoginPage centerTitle={centerTitle} />} />
        <Route
          path="/*"
          element={user ? <DesktopShell me={user} centerTitle={centerTitle} /> : <Navigate to="/login" replace />}
        />
      </Routes>
    </SignalRProvider>
  );
}

import { Button, Result, Spin } from 'antd';
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
    return (
      <Result
        status="warning"
        title={t('app.unavailable')}
        subTitle={problemMessage(me.error, t)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t('app.retry')}
          </Button>
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

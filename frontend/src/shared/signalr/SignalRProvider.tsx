import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { queryKeys } from '../api/queryKeys';
import { breakRequestsKey } from '../breaks/breakRequests';
import { createDesktopConnection, retryForever } from './createDesktopConnection';
import { registerCacheSync } from './hubEvents';

export type HubStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

interface SignalRContextValue {
  connection: HubConnection | null;
  status: HubStatus;
}

const SignalRContext = createContext<SignalRContextValue>({ connection: null, status: 'idle' });

interface Props {
  /** Connect only while signed in (the hub uses the session cookie). */
  enabled: boolean;
  children: ReactNode;
  connectionFactory?: () => HubConnection;
}

/** Owns the app's ONE SignalR connection; features subscribe through useHubEvent. */
export function SignalRProvider({ enabled, children, connectionFactory = createDesktopConnection }: Props) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<SignalRContextValue>({ connection: null, status: 'idle' });

  useEffect(() => {
    if (!enabled) return;
    const connection = connectionFactory();
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const setStatus = (status: HubStatus) => !stopped && setValue({ connection, status });

    const unregister = registerCacheSync(connection, queryClient);
    const resync = () => {
      // Events may have been missed while offline: refetch live server state.
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents });
      void queryClient.invalidateQueries({ queryKey: ['agent'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: queryKeys.announcements });
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activeAlarms });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void queryClient.invalidateQueries({ queryKey: breakRequestsKey });
    };
    connection.onreconnecting(() => setStatus('reconnecting'));
    connection.onreconnected(() => {
      setStatus('connected');
      resync();
    });
    connection.onclose(() => {
      if (stopped) return;
      setStatus('disconnected');
      start(0);
    });

    const start = (attempt: number) => {
      if (stopped) return;
      setStatus(attempt === 0 ? 'connecting' : 'reconnecting');
      connection
        .start()
        .then(() => {
          setStatus('connected');
          resync(); // anything pushed before the connection existed would be lost otherwise
        })
        .catch((error: unknown) => {
          if (stopped) return;
          if ((error as { statusCode?: number })?.statusCode === 401) {
            void queryClient.invalidateQueries({ queryKey: queryKeys.me }); // session gone
          }
          setStatus('disconnected');
          const delay = retryForever.nextRetryDelayInMilliseconds({
            previousRetryCount: attempt,
            elapsedMilliseconds: 0,
            retryReason: error instanceof Error ? error : new Error(String(error)),
          });
          retryTimer = setTimeout(() => start(attempt + 1), Math.max(delay ?? 30_000, 1_000));
        });
    };
    start(0);

    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      unregister();
      setValue({ connection: null, status: 'idle' });
      if (connection.state !== HubConnectionState.Disconnected) void connection.stop();
    };
  }, [enabled, connectionFactory, queryClient]);

  return <SignalRContext.Provider value={value}>{children}</SignalRContext.Provider>;
}

export function useHubStatus(): HubStatus {
  return useContext(SignalRContext).status;
}

/** Subscribe a component to one server → client hub method for as long as it is mounted. */
export function useHubEvent<T extends unknown[]>(event: string, handler: (...args: T) => void): void {
  const { connection } = useContext(SignalRContext);
  useEffect(() => {
    if (!connection) return;
    const h = (...args: unknown[]) => handler(...(args as T));
    connection.on(event, h);
    return () => connection.off(event, h);
  }, [connection, event, handler]);
}

import type { QueryClient } from '@tanstack/react-query';
import { applyAgentState } from '../agentState/applyAgentState';
import { applyAlarm } from '../alarms/applyAlarm';
import type { AlarmStatus } from '../api/alarmTypes';
import type { LiveCall, ScreenPop } from '../api/callTypes';
import { queryKeys } from '../api/queryKeys';
import type { AgentState, PublicSettings } from '../api/types';
import { applyLiveCall } from '../calls/applyLiveCall';
import { BREAK_REQUEST_CHANGED, breakRequestsKey } from '../breaks/breakRequests';

/** The part of a HubConnection the event wiring needs (so tests can pass a fake). */
export interface HubEventSource {
  on(event: string, handler: (...args: never[]) => void): void;
  off(event: string, handler: (...args: never[]) => void): void;
}

export const AGENT_STATE_CHANGED = 'agentStateChanged';
/** A call I am on (or any call, for supervisors) changed: docs/telephony.md `callChanged`. */
export const CALL_CHANGED = 'callChanged';
/** A call is offered to me: its screen pop (R-POP-1, again on transfer R-POP-6). */
export const SCREEN_POP = 'screenPop';
/** Work orders changed (ids): lists, details and who-is-where refetch. */
export const WORK_ORDERS_CHANGED = 'workOrdersChanged';
/** An area's outage alarm level changed (R-ALARM-2): the banner follows from the push itself. */
export const ALARM_CHANGED = 'alarmChanged';
/** The center's public settings changed (title, logo, time zone): every open desktop shows them at once. */
export const SETTINGS_CHANGED = 'settingsChanged';
/** An announcement addressed to me was published, edited or deleted (R-ANN-1): the lists refetch. */
export const ANNOUNCEMENT_CHANGED = 'announcementChanged';
/** My session was ended on the server (logout elsewhere, password or role change, disabled): re-check who I am. */
export const SESSION_ENDED = 'sessionEnded';

/** Server → client events that feed TanStack Query caches directly (no refetch loop). */
export function registerCacheSync(connection: HubEventSource, queryClient: QueryClient): () => void {
  const onAgentStateChanged = (state: AgentState) => applyAgentState(queryClient, state);
  const onCallChanged = (call: LiveCall) => applyLiveCall(queryClient, call);
  const onScreenPop = (pop: ScreenPop) => queryClient.setQueryData(queryKeys.screenPop(pop.callId), pop);
  const onWorkOrdersChanged = () => {
    void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    void queryClient.invalidateQueries({ queryKey: ['screen-pop'] }); // the pops' recent work orders (open pops refetch)
  };
  const onAlarmChanged = (alarm: AlarmStatus) => applyAlarm(queryClient, alarm);
  connection.on(AGENT_STATE_CHANGED, onAgentStateChanged);
  connection.on(CALL_CHANGED, onCallChanged);
  connection.on(SCREEN_POP, onScreenPop);
  connection.on(WORK_ORDERS_CHANGED, onWorkOrdersChanged);
  connection.on(ALARM_CHANGED, onAlarmChanged);
  const onSettingsChanged = (settings: PublicSettings) => {
    queryClient.setQueryData(queryKeys.publicSettings, settings);
    void queryClient.invalidateQueries({ queryKey: ['settings'], exact: false, predicate: (q) => q.queryKey[1] !== 'public' });
  };
  connection.on(SETTINGS_CHANGED, onSettingsChanged);
  const onSessionEnded = () => void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  connection.on(SESSION_ENDED, onSessionEnded);
  const onBreakRequestChanged = () => void queryClient.invalidateQueries({ queryKey: breakRequestsKey });
  connection.on(BREAK_REQUEST_CHANGED, onBreakRequestChanged);
  const onAnnouncementChanged = () => void queryClient.invalidateQueries({ queryKey: queryKeys.announcements });
  connection.on(ANNOUNCEMENT_CHANGED, onAnnouncementChanged);
  return () => {
    connection.off(ANNOUNCEMENT_CHANGED, onAnnouncementChanged);
    connection.off(BREAK_REQUEST_CHANGED, onBreakRequestChanged);
    connection.off(SESSION_ENDED, onSessionEnded);
    connection.off(SETTINGS_CHANGED, onSettingsChanged);
    connection.off(AGENT_STATE_CHANGED, onAgentStateChanged);
    connection.off(CALL_CHANGED, onCallChanged);
    connection.off(SCREEN_POP, onScreenPop);
    connection.off(WORK_ORDERS_CHANGED, onWorkOrdersChanged);
    connection.off(ALARM_CHANGED, onAlarmChanged);
  };
}

import { lazy, Suspense } from 'react';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { MyStatePanel } from '../features/agents/components/MyStatePanel';
import { AlarmHistory } from '../features/alarms/components/AlarmHistory';
import { AlarmSettingsForm } from '../features/alarms/components/AlarmSettingsForm';
import { AgentDayAudit } from '../features/audit/components/AgentDayAudit';
import { BlacklistPage } from '../features/admin/components/BlacklistPage';
import { CalendarsPage } from '../features/admin/components/CalendarsPage';
import { CallPurposesPage } from '../features/admin/components/CallPurposesPage';
import { CenterSettings } from '../features/admin/components/CenterSettings';
import { QueuesPage } from '../features/admin/components/QueuesPage';
import { ReasonCodesPage } from '../features/admin/components/ReasonCodesPage';
import { SkillGroupsPage } from '../features/admin/components/SkillGroupsPage';
import { CallPanel } from '../features/calls/components/CallPanel';
import { AuthorizationPage } from '../features/customers/components/AuthorizationPage';
import { CustomerSearch } from '../features/customers/components/CustomerSearch';
import { MyAccount } from '../features/myinfo/components/MyAccount';
import { ChangePassword } from '../features/myinfo/components/ChangePassword';
import { MyLoginLog } from '../features/myinfo/components/MyLoginLog';
import { AdminChangesPage } from '../features/users/components/AdminChangesPage';
import { LoginLogPage } from '../features/users/components/LoginLogPage';
import { TeamsPage } from '../features/users/components/TeamsPage';
import { UsersPage } from '../features/users/components/UsersPage';
import { MyWorkload } from '../features/myinfo/components/MyWorkload';
import { ProjectionsPanel } from '../features/projections/components/ProjectionsPanel';
import { CallLog } from '../features/recordings/components/CallLog';
import { RecordingPolicyPage } from '../features/recordings/components/RecordingPolicyPage';
import { RecordingSearch } from '../features/recordings/components/RecordingSearch';
import { MyQaScores } from '../features/quality/components/MyQaScores';
import { QaForms } from '../features/quality/components/QaForms';
import { QaReviews } from '../features/quality/components/QaReviews';
import { VoiceMessages } from '../features/voice-messages/components/VoiceMessages';
import { RealtimeMonitor } from '../features/supervisor/components/RealtimeMonitor';
import { Wallboard } from '../features/supervisor/components/Wallboard';
import { BreakRequestsPanel } from '../features/supervisor/components/BreakRequestsPanel';
import { TeamThresholdsPanel } from '../features/supervisor/components/TeamThresholdsPanel';
import { AnnouncementManager } from '../features/announcements/components/AnnouncementManager';
import { DispatchForm } from '../features/work-orders/components/DispatchForm';
import { TechnicianBoard } from '../features/work-orders/components/TechnicianBoard';
import { WorkOrderList } from '../features/work-orders/components/WorkOrderList';
import { useMyAgentState } from '../shared/agentState/useMyAgentState';
import { CurrentCall } from './CurrentCall';
import { findLeaf } from './menu';
import { callIdOfTab } from './tabs/callTabs';

// Reports bring echarts: load them only when a reports tab opens.
const ReportsPage = lazy(() => import('../features/reports/components/ReportsPage').then((m) => ({ default: m.ReportsPage })));

/** Renders what a menu item opens. */
export function TabContent({ tabKey, centerTitle }: { tabKey: string; centerTitle: string }) {
  const { t } = useTranslation();
  const callId = callIdOfTab(tabKey);
  if (callId) return <CallView callId={callId} />;
  const leaf = findLeaf(tabKey);
  switch (leaf?.view) {
    case 'myState':
      return <MyStatePanel />;
    case 'currentCall':
      return <CurrentCall render={(id) => <CallView callId={id} />} />;
    case 'customerSearch':
      return <CustomerSearch />;
    case 'authorization':
      return <AuthorizationPage />;
    case 'realtimeMonitor':
      return <RealtimeMonitor />;
    case 'wallboard':
      return <Wallboard />;
    case 'breakRequests':
      return <BreakRequestsPanel />;
    case 'announcementAdmin':
      return <AnnouncementManager />;
    case 'teamThresholds':
      return <TeamThresholdsPanel />;
    case 'myAccount':
      return <MyAccount />;
    case 'reports':
      return (
        <Suspense fallback={<Spin style={{ margin: 48 }} />}>
          <ReportsPage initialReport={leaf.report} />
        </Suspense>
      );
    case 'myWorkload':
      return <MyWorkload />;
    case 'projections':
      return <ProjectionsPanel />;
    case 'agentDayAudit':
      return <AgentDayAudit />;
    case 'centerTitle':
      return <CenterSettings current={centerTitle} />;
    case 'reasonCodesAdmin':
      return <ReasonCodesPage />;
    case 'callPurposesAdmin':
      return <CallPurposesPage />;
    case 'skillGroupsAdmin':
      return <SkillGroupsPage />;
    case 'queuesAdmin':
      return <QueuesPage />;
    case 'calendarsAdmin':
      return <CalendarsPage />;
    case 'blacklistAdmin':
      return <BlacklistPage />;
    case 'workOrders':
      return <WorkOrderList />;
    case 'technicians':
      return <TechnicianBoard />;
    case 'alarmHistory':
      return <AlarmHistory />;
    case 'alarmSettings':
      return <AlarmSettingsForm />;
    case 'recordingSearch':
      return <RecordingSearch />;
    case 'callLog':
      return <CallLog />;
    case 'recordingPolicy':
      return <RecordingPolicyPage />;
    case 'voiceMessages':
      return <VoiceMessages />;
    case 'qaReviews':
      return <QaReviews />;
    case 'qaForms':
      return <QaForms />;
    case 'myQaScores':
      return <MyQaScores />;
    case 'users':
      return <UsersPage />;
    case 'teams':
      return <TeamsPage />;
    case 'loginLogAdmin':
      return <LoginLogPage />;
    case 'adminChanges':
      return <AdminChangesPage />;
    case 'changePassword':
      return <ChangePassword />;
    case 'myLoginLog':
      return <MyLoginLog />;
    default: // a tab saved by an older version whose item is gone
      return <Result status="warning" data-testid="tab-unknown" title={tabKey} subTitle={t('tabs.unknown')} />;
  }
}

/** A call's tab: the pop, with the customer search composed in for "no customer found" and the work-order form. */
export function CallView({ callId }: { callId: string }) {
  const state = useMyAgentState();
  // still on the call, or ended and waiting for its tag (R-TAG-2)
  const untagged = state?.currentCallId === callId || state?.untaggedCallId === callId;
  return (
    <CallPanel
      callId={callId}
      renderSearch={(onPick) => <CustomerSearch onPick={onPick} />}
      renderWorkOrder={(customer) => <DispatchForm key={customer?.id ?? ''} callId={callId} customer={customer} untagged={untagged} />}
    />
  );
}

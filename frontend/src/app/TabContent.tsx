import { useTranslation } from 'react-i18next';
import { MyStatePanel } from '../features/agents/components/MyStatePanel';
import { AgentDayAudit } from '../features/audit/components/AgentDayAudit';
import { CenterTitleSettings } from '../features/admin/components/CenterTitleSettings';
import { CallPanel } from '../features/calls/components/CallPanel';
import { CustomerSearch } from '../features/customers/components/CustomerSearch';
import { MyAccount } from '../features/myinfo/components/MyAccount';
import { RealtimeMonitor } from '../features/supervisor/components/RealtimeMonitor';
import { ComingSoon } from '../shared/ui/ComingSoon';
import { CurrentCall } from './CurrentCall';
import { findLeaf } from './menu';
import { callIdOfTab } from './tabs/callTabs';

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
    case 'realtimeMonitor':
      return <RealtimeMonitor />;
    case 'myAccount':
      return <MyAccount />;
    case 'agentDayAudit':
      return <AgentDayAudit />;
    case 'centerTitle':
      return <CenterTitleSettings current={centerTitle} />;
    default:
      return <ComingSoon title={leaf ? t(leaf.label) : tabKey} />;
  }
}

/** A call's tab: the pop, with the customer search composed in for "no customer found". */
export function CallView({ callId }: { callId: string }) {
  return <CallPanel callId={callId} renderSearch={(onPick) => <CustomerSearch onPick={onPick} />} />;
}

import { useTranslation } from 'react-i18next';
import { MyStatePanel } from '../features/agents/components/MyStatePanel';
import { CenterTitleSettings } from '../features/admin/components/CenterTitleSettings';
import { MyAccount } from '../features/myinfo/components/MyAccount';
import { RealtimeMonitor } from '../features/supervisor/components/RealtimeMonitor';
import { ComingSoon } from '../shared/ui/ComingSoon';
import { findLeaf } from './menu';

/** Renders what a menu item opens. */
export function TabContent({ tabKey, centerTitle }: { tabKey: string; centerTitle: string }) {
  const { t } = useTranslation();
  const leaf = findLeaf(tabKey);
  switch (leaf?.view) {
    case 'myState':
      return <MyStatePanel />;
    case 'realtimeMonitor':
      return <RealtimeMonitor />;
    case 'myAccount':
      return <MyAccount />;
    case 'centerTitle':
      return <CenterTitleSettings current={centerTitle} />;
    default:
      return <ComingSoon title={leaf ? t(leaf.label) : tabKey} />;
  }
}

import { AppstoreOutlined } from '@ant-design/icons';
import { Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { CallTabLabel } from '../features/calls/components/CallTabLabel';
import { findLeaf } from './menu';
import { callIdOfTab } from './tabs/callTabs';
import { TabContent } from './TabContent';
import type { TabsState } from './tabs/tabsModel';

interface Props {
  tabs: TabsState;
  centerTitle: string;
  onActivate: (key: string) => void;
  onClose: (key: string) => void;
}

/** The main area (R-UI-6): closable tabs, at most five (enforced by useTabs). */
export function DesktopTabs({ tabs, centerTitle, onActivate, onClose }: Props) {
  const { t } = useTranslation();
  if (tabs.open.length === 0) {
    return (
      <Empty
        image={<AppstoreOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
        description={t('tabs.empty')}
        style={{ marginTop: 64 }}
      />
    );
  }
  return (
    <Tabs
      data-testid="desktop-tabs"
      type="editable-card"
      hideAdd
      size="small"
      activeKey={tabs.active ?? undefined}
      onChange={onActivate}
      onEdit={(key, action) => action === 'remove' && typeof key === 'string' && onClose(key)}
      items={tabs.open.map((key) => {
        const leaf = findLeaf(key);
        const callId = callIdOfTab(key);
        const label = leaf ? t(leaf.label) : callId ? t('call.tab') : key;
        return {
          key,
          label: callId ? <CallTabLabel callId={callId} /> : <span data-testid={`tab-${key}`}>{label}</span>,
          closable: true,
          closeIcon: undefined,
          children: (
            <div className="desktop-tab-pane" role="region" aria-label={label}>
              <TabContent tabKey={key} centerTitle={centerTitle} />
            </div>
          ),
        };
      })}
    />
  );
}

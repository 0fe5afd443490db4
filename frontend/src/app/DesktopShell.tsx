import { useQueryClient } from '@tanstack/react-query';
import { Divider, Layout } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmBanner } from '../features/alarms/components/AlarmBanner';
import { AnnouncementStrip } from '../features/announcements/components/AnnouncementStrip';
import { StateControls } from '../features/agents/components/StateControls';
import { StatusBar } from '../features/agents/components/StatusBar';
import { useCallTabOpener } from '../features/calls/api/useCallTabOpener';
import { TagPrompt } from '../features/calls/components/TagPrompt';
import { ProjectionFaultNotice } from '../features/projections/components/ProjectionFaultNotice';
import { SoftphoneToolbar } from '../features/softphone/components/SoftphoneToolbar';
import type { LiveCall } from '../shared/api/callTypes';
import { queryKeys } from '../shared/api/queryKeys';
import type { AgentState, Me } from '../shared/api/types';
import { isAgentUser } from '../shared/agentState/useMyAgentState';
import { AppHeader } from './AppHeader';
import { DesktopTabs } from './DesktopTabs';
import styles from './DesktopShell.module.css';
import { MainMenu } from './MainMenu';
import { DEFAULT_TAB, findLeaf } from './menu';
import { callIdOfTab, callTabKey } from './tabs/callTabs';
import type { TabKind } from './tabs/tabsModel';
import { useTabs } from './tabs/useTabs';
import { useOneRow } from './useOneRow';

const MENU_COLLAPSED_KEY = 'callcenter.menuCollapsed';

/** The agent desktop (R-UI-1…6): header + toolbar, menu, announcements, tabs, status bar. */
export function DesktopShell({ me, centerTitle }: { me: Me; centerTitle: string }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(MENU_COLLAPSED_KEY) === '1');
  const toggleMenu = () =>
    setCollapsed((c) => {
      localStorage.setItem(MENU_COLLAPSED_KEY, c ? '0' : '1');
      return !c;
    });

  const queryClient = useQueryClient();
  const evictedNotice = useCallback(
    (key: string) => {
      const leaf = findLeaf(key);
      const callId = callIdOfTab(key);
      const call = callId ? queryClient.getQueryData<LiveCall>(queryKeys.call(callId)) : undefined;
      const number = call?.ani ?? callId ?? '';
      const callTitle = call?.direction === 'outbound' ? 'call.tabTitleOutbound' : 'call.tabTitle';
      return t('tabs.evicted', { title: leaf ? t(leaf.label) : callId ? t(callTitle, { number }) : key });
    },
    [t, queryClient],
  );
  const kindOf = useCallback(
    (key: string): TabKind => {
      const callId = callIdOfTab(key);
      if (!callId) return 'other';
      const live = queryClient.getQueryData<LiveCall[]>(queryKeys.calls(me.id)) ?? [];
      const mine = queryClient.getQueryData<AgentState | null>(queryKeys.agent(me.id));
      return live.some((c) => c.callId === callId) || mine?.untaggedCallId === callId ? 'liveCall' : 'endedCall';
    },
    [queryClient, me.id],
  );
  const tabs = useTabs(DEFAULT_TAB, evictedNotice, kindOf);
  const { open: openTab } = tabs;
  const openCallTab = useCallback((callId: string) => openTab(callTabKey(callId)), [openTab]);
  useCallTabOpener(openCallTab);
  const toolbar = useRef<HTMLDivElement>(null);
  useOneRow(toolbar);
  const hasPhone = isAgentUser(me.roles) || !!me.agentState;

  return (
    <Layout className={styles.shell}>
      <AppHeader me={me} centerTitle={centerTitle} collapsed={collapsed} onToggleMenu={toggleMenu} />
      <ProjectionFaultNotice />
      {/* Only users who work the phone have state controls and a softphone; others get no empty row. */}
      {hasPhone && (
        <div className={styles.toolbar} ref={toolbar} data-testid="desk-toolbar">
          <StateControls />
          <TagPrompt />
          <Divider orientation="vertical" className={styles.toolbarDivider} />
          <SoftphoneToolbar />
        </div>
      )}
      <Layout className={styles.body}>
        <Layout.Sider
          theme="light"
          width={208}
          collapsedWidth={56}
          collapsed={collapsed}
          trigger={null}
          className={styles.sider}
        >
          <nav aria-label={t('menu.label')}>
            <MainMenu me={me} activeKey={tabs.state.active} onOpen={tabs.open} />
          </nav>
        </Layout.Sider>
        <Layout.Content className={styles.content}>
          <AlarmBanner />
          <AnnouncementStrip />
          <div className={styles.tabs}>
            <DesktopTabs tabs={tabs.state} centerTitle={centerTitle} onActivate={tabs.activate} onClose={tabs.close} />
          </div>
        </Layout.Content>
      </Layout>
      <footer>
        <StatusBar />
      </footer>
    </Layout>
  );
}

import {
  AudioOutlined,
  AuditOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Role } from '../shared/api/types';

/** What a tab shows. */
export type TabView =
  | 'myState'
  | 'currentCall'
  | 'customerSearch'
  | 'realtimeMonitor'
  | 'wallboard'
  | 'breakRequests'
  | 'announcementAdmin'
  | 'teamThresholds'
  | 'myAccount'
  | 'centerTitle'
  | 'reports'
  | 'myWorkload'
  | 'workOrders'
  | 'technicians'
  | 'alarmHistory'
  | 'alarmSettings'
  | 'projections'
  | 'agentDayAudit'
  | 'reasonCodesAdmin'
  | 'callPurposesAdmin'
  | 'skillGroupsAdmin'
  | 'queuesAdmin'
  | 'calendarsAdmin'
  | 'blacklistAdmin'
  | 'recordingSearch'
  | 'callLog'
  | 'qaReviews'
  | 'voiceMessages'
  | 'recordingPolicy'
  | 'qaForms'
  | 'myQaScores'
  | 'users'
  | 'teams'
  | 'loginLogAdmin'
  | 'adminChanges'
  | 'changePassword'
  | 'myLoginLog'
  | 'authorization';

export interface MenuLeaf {
  key: string;
  /** i18n key of the label (also the tab title). */
  label: string;
  view: TabView;
  /** For view 'reports': the report the tab opens on (a name from GET /api/reports). */
  report?: string;
  /** Only these roles see the item (else everyone who sees the group). */
  roles?: Role[];
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  roles?: Role[];
  children: MenuLeaf[];
}

/** The main menu (R-UI-4): six groups with second-level items; each item opens a tab. */
export const menuGroups: MenuGroup[] = [
  {
    key: 'call-handling',
    label: 'menu.callHandling',
    icon: <PhoneOutlined />,
    children: [
      { key: 'my-state', label: 'menu.myState', view: 'myState' },
      { key: 'current-call', label: 'menu.currentCall', view: 'currentCall' },
      { key: 'call-history', label: 'menu.callHistory', view: 'callLog', roles: ['agent', 'supervisor', 'admin'] },
      { key: 'voice-messages', label: 'menu.voiceMessages', view: 'voiceMessages', roles: ['agent', 'supervisor', 'admin'] },
    ],
  },
  {
    key: 'service-support',
    label: 'menu.serviceSupport',
    icon: <CustomerServiceOutlined />,
    children: [
      { key: 'customer-search', label: 'menu.customerSearch', view: 'customerSearch' },
      { key: 'work-orders', label: 'menu.workOrders', view: 'workOrders', roles: ['agent', 'supervisor', 'admin'] },
      { key: 'authorization', label: 'menu.authorization', view: 'authorization', roles: ['agent', 'supervisor', 'admin'] },
    ],
  },
  {
    key: 'reports',
    label: 'menu.reports',
    icon: <BarChartOutlined />,
    roles: ['analyst', 'supervisor', 'admin'],
    children: [
      { key: 'report-center', label: 'menu.reportCenter', view: 'reports' },
      { key: 'report-kpi', label: 'menu.kpiReport', view: 'reports', report: 'service-level' },
      { key: 'report-one-time-fix', label: 'menu.oneTimeFixReport', view: 'reports', report: 'one-time-fix-rate' },
      { key: 'report-qa', label: 'menu.qaReport', view: 'reports', report: 'qa-scores' },
      { key: 'alarm-history', label: 'menu.alarmHistory', view: 'alarmHistory', roles: ['supervisor', 'admin', 'analyst'] },
    ],
  },
  {
    key: 'recordings',
    label: 'menu.recordings',
    icon: <AudioOutlined />,
    children: [
      { key: 'recording-search', label: 'menu.recordingSearch', view: 'recordingSearch', roles: ['agent', 'supervisor', 'admin', 'auditor', 'qa'] },
      { key: 'qa-reviews', label: 'menu.qaReviews', view: 'qaReviews', roles: ['qa', 'admin', 'supervisor'] },
      { key: 'qa-forms', label: 'menu.qaForms', view: 'qaForms', roles: ['admin'] },
      { key: 'recording-policy', label: 'menu.recordingPolicy', view: 'recordingPolicy', roles: ['admin'] },
    ],
  },
  {
    key: 'monitor',
    label: 'menu.monitor',
    icon: <DashboardOutlined />,
    roles: ['supervisor', 'admin'],
    children: [
      { key: 'realtime-monitor', label: 'menu.realtimeMonitor', view: 'realtimeMonitor' },
      { key: 'queue-monitor', label: 'menu.queueMonitor', view: 'wallboard' },
      { key: 'break-requests', label: 'menu.breakRequests', view: 'breakRequests' },
      { key: 'announcement-admin', label: 'menu.announcementAdmin', view: 'announcementAdmin' },
      { key: 'team-thresholds', label: 'menu.teamThresholds', view: 'teamThresholds' },
      { key: 'technicians', label: 'menu.technicians', view: 'technicians' },
    ],
  },
  {
    key: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    roles: ['auditor', 'supervisor', 'admin'],
    children: [{ key: 'agent-day-audit', label: 'menu.agentDayAudit', view: 'agentDayAudit' }],
  },
  {
    key: 'my-info',
    label: 'menu.myInfo',
    icon: <UserOutlined />,
    children: [
      { key: 'my-account', label: 'menu.myAccount', view: 'myAccount' },
      { key: 'my-workload', label: 'menu.workloadReport', view: 'myWorkload' },
      { key: 'my-qa-scores', label: 'menu.myQaScores', view: 'myQaScores', roles: ['agent'] },
      { key: 'change-password', label: 'menu.changePassword', view: 'changePassword' },
      { key: 'login-log', label: 'menu.loginLog', view: 'myLoginLog' },
    ],
  },
  {
    key: 'data-maintenance',
    label: 'menu.dataMaintenance',
    icon: <DatabaseOutlined />,
    roles: ['analyst', 'supervisor', 'admin'], // R-USE-2: analysts and admins rebuild; supervisors see lag and progress
    children: [{ key: 'projections', label: 'menu.projections', view: 'projections' }],
  },
  {
    key: 'people',
    label: 'menu.people',
    icon: <TeamOutlined />,
    roles: ['admin', 'teamadmin', 'auditor'],
    children: [
      { key: 'users', label: 'menu.users', view: 'users', roles: ['admin', 'teamadmin'] },
      { key: 'teams', label: 'menu.teams', view: 'teams', roles: ['admin'] },
      { key: 'login-log-admin', label: 'menu.loginLogAdmin', view: 'loginLogAdmin', roles: ['admin', 'auditor'] },
      { key: 'admin-changes', label: 'menu.adminChanges', view: 'adminChanges', roles: ['admin', 'auditor'] },
    ],
  },
  {
    key: 'admin',
    label: 'menu.admin',
    icon: <SettingOutlined />,
    roles: ['admin'],
    children: [
      { key: 'center-title', label: 'menu.centerTitle', view: 'centerTitle' },
      { key: 'alarm-settings', label: 'menu.alarmSettings', view: 'alarmSettings' },
      { key: 'reason-codes', label: 'adm.menu.reasonCodes', view: 'reasonCodesAdmin' },
      { key: 'call-purposes', label: 'adm.menu.callPurposes', view: 'callPurposesAdmin' },
      { key: 'skill-groups', label: 'adm.menu.skillGroups', view: 'skillGroupsAdmin' },
      { key: 'queues', label: 'adm.menu.queues', view: 'queuesAdmin' },
      { key: 'business-calendars', label: 'adm.menu.calendars', view: 'calendarsAdmin' },
      { key: 'blacklist', label: 'adm.menu.blacklist', view: 'blacklistAdmin' },
    ],
  },
];

export function visibleMenu(me: Pick<Me, 'roles'>): MenuGroup[] {
  const allowed = (roles?: Role[]) => !roles || roles.some((r) => me.roles.includes(r));
  return menuGroups
    .filter((g) => allowed(g.roles))
    .map((g) => ({ ...g, children: g.children.filter((c) => allowed(c.roles)) }))
    .filter((g) => g.children.length > 0);
}

export function findLeaf(key: string): MenuLeaf | undefined {
  for (const g of menuGroups) {
    const leaf = g.children.find((c) => c.key === key);
    if (leaf) return leaf;
  }
  return undefined;
}

/** The tab opened at sign-in. */
export const DEFAULT_TAB = 'my-state';

import { DownOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, PhoneFilled, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/api/session';
import { CallTimer } from '../features/softphone/components/CallTimer';
import { SupervisorNotifications } from '../features/supervisor/components/SupervisorNotifications';
import type { Me } from '../shared/api/types';
import { LanguageSwitch } from '../shared/i18n/LanguageSwitch';
import { ZoneHint } from '../shared/ui/ZoneHint';
import { useCenterLogo } from '../shared/settings/usePublicSettings';
import styles from './DesktopShell.module.css';

interface Props {
  me: Me;
  centerTitle: string;
  collapsed: boolean;
  onToggleMenu: () => void;
}

export function AppHeader({ me, centerTitle, collapsed, onToggleMenu }: Props) {
  const { t } = useTranslation();
  const logout = useLogout();
  const logo = useCenterLogo();
  return (
    <header className={styles.header}>
      <Tooltip title={collapsed ? t('menu.expand') : t('menu.collapse')}>
        <Button
          type="text"
          className={styles.headerButton}
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={onToggleMenu}
          aria-label={collapsed ? t('menu.expand') : t('menu.collapse')}
          aria-expanded={!collapsed}
          data-testid="menu-toggle"
        />
      </Tooltip>
      <span className={styles.logo} aria-hidden>
        {logo ? <img src={logo} alt="" style={{ height: 24, maxWidth: 96, objectFit: 'contain' }} data-testid="center-logo" /> : <PhoneFilled />}
      </span>
      <Typography.Title level={1} className={styles.centerTitle} data-testid="center-title">
        {centerTitle}
      </Typography.Title>
      <span className={styles.grow} />
      <Space size={12} align="center">
        <CallTimer />
        <SupervisorNotifications />
        <ZoneHint />
        <LanguageSwitch size="small" />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'logout',
                icon: <LogoutOutlined />,
                label: <span data-testid="btn-logout">{t('header.logout')}</span>,
              },
            ],
            onClick: ({ key }) => key === 'logout' && logout.mutate(),
          }}
        >
          <Button type="text" className={styles.userButton} data-testid="user-menu" aria-label={t('header.userMenu')}>
            <Avatar size="small" icon={<UserOutlined />} className={styles.avatar} />
            <span className={styles.userName}>{me.name}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Space>
    </header>
  );
}

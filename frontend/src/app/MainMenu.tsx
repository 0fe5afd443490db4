import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../shared/api/types';
import { visibleMenu } from './menu';

interface Props {
  me: Me;
  activeKey: string | null;
  collapsed: boolean;
  onOpen: (key: string) => void;
}

export function MainMenu({ me, activeKey, collapsed, onOpen }: Props) {
  const { t } = useTranslation();
  const groups = useMemo(() => visibleMenu(me), [me]);
  const items: MenuProps['items'] = groups.map((g) => ({
    key: g.key,
    icon: g.icon,
    // on the title text, so that clicking it (e.g. in e2e tests) toggles the submenu
    label: <span data-testid={`menu-${g.key}`}>{t(g.label)}</span>,
    children: g.children.map((c) => ({ key: c.key, label: t(c.label), 'data-testid': `menu-${c.key}` })),
  }));
  return (
    <Menu
      mode="inline"
      inlineCollapsed={collapsed}
      items={items}
      selectedKeys={activeKey ? [activeKey] : []}
      defaultOpenKeys={['call-handling', 'monitor']}
      onClick={({ key }) => onOpen(key)}
      aria-label={t('menu.label')}
      style={{ borderInlineEnd: 0 }}
    />
  );
}

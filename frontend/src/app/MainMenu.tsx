import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../shared/api/types';
import { visibleMenu } from './menu';

interface Props {
  me: Me;
  activeKey: string | null;
  onOpen: (key: string) => void;
}

/** Collapsing is the Sider's job (antd passes it down through context). */
export function MainMenu({ me, activeKey, onOpen }: Props) {
  const { t } = useTranslation();
  const groups = useMemo(() => visibleMenu(me), [me]);
  const items: MenuProps['items'] = groups.map((g) => ({
    key: g.key,
    icon: g.icon,
    label: t(g.label),
    // on the submenu's <li>; its `.ant-menu-submenu-title` child is what toggles it
    'data-testid': `menu-${g.key}`,
    children: g.children.map((c) => ({ key: c.key, label: t(c.label), 'data-testid': `menu-${c.key}` })),
  }));
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={activeKey ? [activeKey] : []}
      defaultOpenKeys={['call-handling', 'monitor']}
      onClick={({ key }) => onOpen(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );
}

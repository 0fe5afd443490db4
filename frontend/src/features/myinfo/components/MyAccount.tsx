import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/auth/useMe';

/** "My account" (R-ME-1): who I am, my roles and skill groups, straight from /api/me. */
export function MyAccount() {
  const { t } = useTranslation();
  const groupName = useSkillGroupName();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Card size="small" title={t('myAccount.title')} style={{ maxWidth: 720 }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="my-account"
        items={[
          { key: 'id', label: t('status.workId'), children: me.id },
          { key: 'name', label: t('status.name'), children: me.name },
          {
            key: 'roles',
            label: t('myAccount.roles'),
            children: (
              <Space size={4} wrap>
                {me.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {t(`roles.${r}`, { defaultValue: r })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'skillGroups',
            label: t('status.skillGroups'),
            children: me.skillGroups.length ? me.skillGroups.map((g) => <Tag key={g}>{groupName(g)}</Tag>) : '—',
          },
          { key: 'extension', label: t('status.extension'), children: me.extension ?? '—' },
        ]}
      />
    </Card>
  );
}

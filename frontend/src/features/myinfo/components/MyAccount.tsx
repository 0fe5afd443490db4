import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/auth/useMe';

/** "My account" (R-ME-1): who I am, my team, roles and what they allow, skill groups with proficiency, from /api/me.
 * Switching among my skill groups is in the softphone's phone settings (R-PHONE-12). */
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
          { key: 'team', label: t('users.team'), children: me.team ? `${me.teamName ?? me.team} (${me.team})` : '—' },
          {
            key: 'agentTypes',
            label: t('users.agentTypes'),
            children: me.agentTypes?.length ? me.agentTypes.map((a) => <Tag key={a}>{t(`users.agentType.${a}`, { defaultValue: a })}</Tag>) : '—',
          },
          {
            key: 'skillGroups',
            label: t('status.skillGroups'),
            children: me.skillGroups.length
              ? me.skillGroups.map((g) => <Tag key={g}>{me.proficiency?.[g] ? t('myAccount.groupLevel', { group: groupName(g), level: me.proficiency[g] }) : groupName(g)}</Tag>)
              : '—',
          },
          {
            key: 'permissions',
            label: t('myAccount.permissions'),
            children: (
              <Space size={4} wrap data-testid="my-permissions">
                {(me.permissions ?? []).map((p) => (
                  <Tag key={p}>{t(`permissions.${p.replace(/\./g, '_')}`, { defaultValue: p })}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'extension', label: t('status.extension'), children: me.extension ?? '—' },
        ]}
      />
    </Card>
  );
}

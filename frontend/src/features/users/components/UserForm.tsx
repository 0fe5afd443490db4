import { Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { isApiError } from '../../../shared/api/ApiError';
import { AGENT_TYPES, ROLES, useCreateUser, useSkillGroups, useTeams, useUpdateUser, type User, type UserBody } from '../api/users';

interface Values {
  id: string;
  name: string;
  password?: string;
  roles: string[];
  agentTypes: string[];
  team?: string | null;
  skillGroups: string[];
  proficiency: Record<string, number>;
  extension?: string;
}

/** Create (user = null) or edit a user; server field errors show on their fields. */
export function UserForm({ user, open, onClose }: { user: User | null; open: boolean; onClose: (saved?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const teams = useTeams();
  const groups = useSkillGroups();
  const create = useCreateUser();
  const update = useUpdateUser();
  const saving = create.isPending || update.isPending;
  const chosenGroups = Form.useWatch('skillGroups', form) ?? [];
  const roles = Form.useWatch('roles', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? { ...user, team: user.team ?? undefined, extension: user.extension ?? undefined }
        : { roles: ['agent'], agentTypes: ['inbound'], skillGroups: [], proficiency: {} },
    );
  }, [open, user, form]);

  const submit = (v: Values) => {
    const body: UserBody = {
      name: v.name,
      roles: v.roles,
      agentTypes: v.roles.includes('agent') ? (v.agentTypes ?? []) : [],
      team: v.team || null,
      skillGroups: v.skillGroups ?? [],
      proficiency: Object.fromEntries((v.skillGroups ?? []).map((g) => [g, v.proficiency?.[g] ?? 3])),
      extension: v.extension || null,
    };
    const done = {
      onSuccess: () => onClose(user?.id ?? v.id),
      onError: (e: unknown) => {
        if (isApiError(e, 400) && e.problem.errors)
          form.setFields(Object.entries(e.problem.errors).map(([name, errors]) => ({ name: name.split('.')[0] as keyof Values, errors })));
        else form.setFields([{ name: 'name', errors: [problemMessage(e, t)] }]);
      },
    };
    if (user) update.mutate({ ...body, id: user.id }, done);
    else create.mutate({ ...body, id: v.id, password: v.password }, done);
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle', { id: user.id }) : t('users.createTitle')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('admin.save')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'user-save' }}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="user-form">
        {!user && (
          <Space size={12} style={{ display: 'flex' }} align="start">
            <Form.Item name="id" label={t('users.id')} extra={t('users.idHelp')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('users.idRule') }]}>
              <Input data-testid="user-id" maxLength={64} autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={t('users.password')} extra={t('users.passwordPolicy')} rules={[{ required: true, min: 8, message: t('users.passwordPolicy') }]}>
              <Input.Password data-testid="user-password" maxLength={128} autoComplete="new-password" />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="name" label={t('users.name')} rules={[{ required: true, whitespace: true, max: 64, message: t('users.nameRule') }]}>
          <Input data-testid="user-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, message: t('users.rolesRule') }]}>
          <Select mode="multiple" data-testid="user-roles" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {roles.includes('agent') && (
          <Form.Item name="agentTypes" label={t('users.agentTypes')}>
            <Select mode="multiple" data-testid="user-agent-types" options={AGENT_TYPES.map((a) => ({ value: a, label: t(`users.agentType.${a}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="team" label={t('users.team')}>
          <Select allowClear data-testid="user-team" options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: `${tm.name} (${tm.id})` }))} />
        </Form.Item>
        <Form.Item name="skillGroups" label={t('users.skillGroups')}>
          <Select mode="multiple" data-testid="user-skill-groups" options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.id }))} />
        </Form.Item>
        {chosenGroups.length > 0 && (
          <Space wrap size={12}>
            {chosenGroups.map((g) => (
              <Form.Item key={g} name={['proficiency', g]} label={t('users.proficiencyOf', { group: g })} initialValue={3}>
                <InputNumber min={1} max={5} data-testid={`user-proficiency-${g}`} />
              </Form.Item>
            ))}
          </Space>
        )}
        <Form.Item name="extension" label={t('users.extension')} rules={[{ pattern: /^[0-9]{2,8}$/, message: t('users.extensionRule') }]}>
          <Input data-testid="user-extension" maxLength={8} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

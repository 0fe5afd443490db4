import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useSaveTeam, useTeams, useUsers, type Team } from '../api/users';
import { AdminChangesDrawer } from './AdminChangesDrawer';

/** Teams (R-ROLE-2): their supervisors act on their members; their team admins manage their members' accounts. */
export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const [history, setHistory] = useState<string | null>(null);
  return (
    <Card size="small" title={t('teams.title')} data-testid="teams-page">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} style={{ marginBottom: 12 }} data-testid="team-new">
        {t('teams.new')}
      </Button>
      {teams.isError && <Alert type="error" showIcon title={problemMessage(teams.error, t)} />}
      <Table<Team>
        size="small"
        rowKey="id"
        loading={teams.isLoading}
        dataSource={teams.data ?? []}
        pagination={false}
        onRow={(tm) => ({ 'data-testid': `team-row-${tm.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'id', title: t('teams.id'), dataIndex: 'id' },
          { key: 'name', title: t('teams.name'), dataIndex: 'name' },
          { key: 'supervisors', title: t('teams.supervisors'), render: (_, tm) => tm.supervisors.map((s) => <Tag key={s}>{s}</Tag>) },
          { key: 'admins', title: t('teams.admins'), render: (_, tm) => tm.admins.map((s) => <Tag key={s}>{s}</Tag>) },
          { key: 'members', title: t('teams.members'), render: (_, tm) => t('teams.memberCount', { count: tm.members.length }) },
          {
            key: 'actions',
            title: t('users.actions'),
            render: (_, tm) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(tm)} data-testid={`team-edit-${tm.id}`}>{t('users.edit')}</Button>
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(tm.id)} aria-label={t('users.history')} data-testid={`team-history-${tm.id}`} />
              </Space>
            ),
          },
        ]}
      />
      <TeamForm team={editing} onClose={() => setEditing(undefined)} />
      <AdminChangesDrawer subject={history ? { teamId: history } : null} title={history ?? ''} onClose={() => setHistory(null)} />
    </Card>
  );
}

function TeamForm({ team, onClose }: { team: Team | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Team>();
  const users = useUsers();
  const save = useSaveTeam();
  const open = team !== undefined;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(team ?? { supervisors: [], admins: [], members: [] });
  }, [open, team, form]);
  const people = (role?: string) =>
    (users.data ?? []).filter((u) => !role || u.roles.includes(role) || u.roles.includes('admin')).map((u) => ({ value: u.id, label: `${u.name} (${u.id})` }));
  return (
    <Modal
      open={open}
      title={team ? t('teams.editTitle', { id: team.id }) : t('teams.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'team-save' }}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate(
            { ...v, id: team?.id ?? v.id, creating: !team },
            {
              onSuccess: () => {
                void message.success(t('admin.saved'));
                onClose();
              },
              onError: (e) =>
                isApiError(e, 400) && e.problem.errors
                  ? form.setFields(Object.entries(e.problem.errors).map(([name, errors]) => ({ name: name as keyof Team, errors })))
                  : form.setFields([{ name: 'name', errors: [problemMessage(e, t)] }]),
            },
          )
        }
      >
        {!team && (
          <Form.Item name="id" label={t('teams.id')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('users.idRule') }]}>
            <Input data-testid="team-id" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('teams.name')} rules={[{ required: true, whitespace: true, max: 64, message: t('users.nameRule') }]}>
          <Input data-testid="team-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="supervisors" label={t('teams.supervisors')}>
          <Select mode="multiple" data-testid="team-supervisors" options={people('supervisor')} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="admins" label={t('teams.admins')}>
          <Select mode="multiple" data-testid="team-admins" options={people('teamadmin')} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="members" label={t('teams.members')}>
          <Select mode="multiple" data-testid="team-members" options={people()} optionFilterProp="label" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

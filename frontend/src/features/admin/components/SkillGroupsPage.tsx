import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillGroup } from '../api/adminTypes';
import { adminKeys, putJson, useAdminSave, useAgentsForAdmin, useSkillGroups } from '../api/useAdminData';
import { ActiveTag } from './ActiveTag';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

const CODE = /^[a-z][a-z0-9-]{0,47}$/;

/** R-ADM-2 / R-ACD-2: skill groups, their members (the users' skill groups) and the queues they serve. */
export function SkillGroupsPage() {
  const { t } = useTranslation();
  const groups = useSkillGroups();
  const agents = useAgentsForAdmin();
  const [editing, setEditing] = useState<Partial<SkillGroup> | null>(null);
  const [members, setMembers] = useState<{ id: string; agents: string[] } | null>(null);
  const save = useAdminSave((g: SkillGroup) => putJson(`/api/skill-groups/${encodeURIComponent(g.id)}`, g), adminKeys.skillGroups);
  const saveMembers = useAdminSave(
    (m: { id: string; agents: string[] }) => putJson(`/api/skill-groups/${encodeURIComponent(m.id)}/members`, { agents: m.agents }),
    adminKeys.skillGroups,
  );
  const isNew = editing !== null && editing.id === undefined;

  return (
    <AdminCard title={t('adm.skillGroups.title')} testId="admin-skill-groups" onNew={() => setEditing({})} onReload={() => void groups.refetch()} error={groups.error}>
      <Table<SkillGroup>
        rowKey="id"
        size="small"
        loading={groups.isLoading}
        dataSource={groups.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => ({ 'data-testid': `skill-group-row-${r.id}` }) as never}
        columns={[
          { title: t('adm.id'), dataIndex: 'id' },
          { title: t('adm.name'), dataIndex: 'name' },
          { title: t('adm.nameZh'), dataIndex: 'nameZh' },
          { title: t('adm.skillGroups.members'), dataIndex: 'members', render: (m: string[]) => <span data-testid="skill-group-members">{m.length ? m.join(', ') : '—'}</span> },
          { title: t('adm.skillGroups.queues'), dataIndex: 'queues', render: (q: string[]) => q.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('adm.status'), dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
          {
            title: '',
            key: 'actions',
            width: 230,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`skill-group-edit-${r.id}`}>
                  {t('adm.edit')}
                </Button>
                <Button size="small" type="link" disabled={!r.active} onClick={() => setMembers({ id: r.id, agents: r.members })} data-testid={`skill-group-members-${r.id}`}>
                  {t('adm.skillGroups.assign')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => save.mutate({ ...r, active: !r.active })} data-testid={`skill-group-toggle-${r.id}`}>
                  {r.active ? t('adm.retire') : t('adm.restore')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<SkillGroup>
        open={editing !== null}
        title={isNew ? t('adm.skillGroups.new') : t('adm.skillGroups.edit')}
        initial={editing ?? {}}
        onClose={() => setEditing(null)}
        save={(v) => save.mutateAsync({ ...v, id: editing?.id ?? v.id, active: editing?.active ?? true })}
        saving={save.isPending}
        testId="skill-group-form"
      >
        {() => (
          <>
            <Form.Item name="id" label={t('adm.id')} rules={[{ required: true, pattern: CODE, message: t('adm.codeRule') }]} extra={t('adm.codeHelp')}>
              <Input disabled={!isNew} data-testid="skill-group-id" />
            </Form.Item>
            <Form.Item name="name" label={t('adm.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="skill-group-name" maxLength={64} />
            </Form.Item>
            <Form.Item name="nameZh" label={t('adm.nameZh')} rules={[{ max: 64 }]}>
              <Input data-testid="skill-group-name-zh" maxLength={64} />
            </Form.Item>
          </>
        )}
      </EditModal>
      <Modal
        open={members !== null}
        title={t('adm.skillGroups.assignTitle', { id: members?.id ?? '' })}
        onCancel={() => setMembers(null)}
        onOk={() => members && saveMembers.mutate(members, { onSuccess: () => setMembers(null) })}
        okText={t('adm.save')}
        cancelText={t('adm.cancel')}
        confirmLoading={saveMembers.isPending}
        okButtonProps={{ 'data-testid': 'skill-group-members-save' } as never}
        destroyOnHidden
      >
        <p>{t('adm.skillGroups.assignHelp')}</p>
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={members?.agents ?? []}
          onChange={(agents: string[]) => members && setMembers({ ...members, agents })}
          options={(agents.data ?? []).map((a) => ({ value: a.agentId, label: a.name ? `${a.agentId} · ${a.name}` : a.agentId }))}
          optionFilterProp="label"
          data-testid="skill-group-members-select"
        />
      </Modal>
    </AdminCard>
  );
}

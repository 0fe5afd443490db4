import { Button, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFTER_HOURS, STRATEGIES, type Queue } from '../api/adminTypes';
import { adminKeys, putJson, useAdminSave, useAgentsForAdmin, useCalendars, useQueuesAdmin, useSkillGroups } from '../api/useAdminData';
import { ActiveTag } from './ActiveTag';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

const CODE = /^[a-z][a-z0-9-]{0,47}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const NEW_QUEUE: Partial<Queue> = {
  strategy: 'longest-idle',
  serviceLevelSeconds: 20,
  maxWaitSeconds: 120,
  opensAt: '08:00',
  closesAt: '20:00',
  dutyAgents: [],
  afterHours: 'duty-agents',
};

/** R-ADM-2 / R-ACD-2: queues — the skill group that serves them, strategy, service level, calendar and after-hours rule. */
export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQueuesAdmin();
  const groups = useSkillGroups();
  const calendars = useCalendars();
  const agents = useAgentsForAdmin();
  const [editing, setEditing] = useState<Partial<Queue> | null>(null);
  const save = useAdminSave((q: Queue) => putJson(`/api/queues/${encodeURIComponent(q.id)}`, q), adminKeys.queues, adminKeys.skillGroups, adminKeys.calendars);
  const isNew = editing !== null && editing.id === undefined;

  return (
    <AdminCard title={t('adm.queues.title')} testId="admin-queues" onNew={() => setEditing(NEW_QUEUE)} onReload={() => void queues.refetch()} error={queues.error}>
      <Table<Queue>
        rowKey="id"
        size="small"
        loading={queues.isLoading}
        dataSource={queues.data ?? []}
        pagination={false}
        scroll={{ x: 940 }}
        onRow={(r) => ({ 'data-testid': `queue-row-${r.id}` }) as never}
        columns={[
          { title: t('adm.id'), dataIndex: 'id', fixed: 'left' },
          { title: t('adm.name'), dataIndex: 'name' },
          { title: t('adm.queues.skillGroup'), dataIndex: 'skillGroup' },
          { title: t('adm.queues.strategy'), dataIndex: 'strategy', render: (s: string) => t(`adm.strategy.${s}`, { defaultValue: s }) },
          { title: t('adm.queues.ivrKey'), dataIndex: 'ivrKey' },
          { title: t('adm.queues.serviceLevel'), dataIndex: 'serviceLevelSeconds', render: (s: number) => `${s} s` },
          { title: t('adm.queues.calendar'), dataIndex: 'calendarId', render: (c?: string | null) => c ?? '—' },
          {
            title: t('adm.queues.afterHours'),
            dataIndex: 'afterHours',
            render: (a: string, r) => (
              <Tag>
                {t(`adm.afterHours.${a}`, { defaultValue: a })}
                {r.overflowQueue ? ` → ${r.overflowQueue}` : ''}
              </Tag>
            ),
          },
          { title: t('adm.status'), dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
          {
            title: '',
            key: 'actions',
            width: 160,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`queue-edit-${r.id}`}>
                  {t('adm.edit')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => save.mutate({ ...r, active: !r.active })} data-testid={`queue-toggle-${r.id}`}>
                  {r.active ? t('adm.retire') : t('adm.restore')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<Queue>
        open={editing !== null}
        title={isNew ? t('adm.queues.new') : t('adm.queues.edit')}
        initial={editing ?? {}}
        onClose={() => setEditing(null)}
        save={(v) =>
          save.mutateAsync({
            ...v,
            id: editing?.id ?? v.id,
            active: editing?.active ?? true,
            ivrKey: v.ivrKey || null,
            calendarId: v.calendarId || null,
            overflowQueue: v.afterHours === 'overflow' ? v.overflowQueue : null,
            dutyAgents: v.dutyAgents ?? [],
          })
        }
        saving={save.isPending}
        testId="queue-form"
        width={680}
      >
        {(form) => (
          <>
            <Form.Item name="id" label={t('adm.id')} rules={[{ required: true, pattern: CODE, message: t('adm.codeRule') }]} extra={t('adm.codeHelp')}>
              <Input disabled={!isNew} data-testid="queue-id" />
            </Form.Item>
            <Form.Item name="name" label={t('adm.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="queue-name" maxLength={64} />
            </Form.Item>
            <Form.Item name="nameZh" label={t('adm.nameZh')} rules={[{ max: 64 }]}>
              <Input data-testid="queue-name-zh" maxLength={64} />
            </Form.Item>
            <Form.Item name="skillGroup" label={t('adm.queues.skillGroup')} rules={[{ required: true }]} extra={t('adm.queues.skillGroupHelp')}>
              <Select
                data-testid="queue-skill-group"
                options={(groups.data ?? []).filter((g) => g.active).map((g) => ({ value: g.id, label: `${g.id} · ${g.name}` }))}
              />
            </Form.Item>
            <Form.Item name="strategy" label={t('adm.queues.strategy')} rules={[{ required: true }]}>
              <Select data-testid="queue-strategy" options={STRATEGIES.map((s) => ({ value: s, label: t(`adm.strategy.${s}`) }))} />
            </Form.Item>
            <Form.Item name="ivrKey" label={t('adm.queues.ivrKey')} rules={[{ pattern: /^[0-9*#]$/, message: t('adm.queues.ivrKeyRule') }]}>
              <Input maxLength={1} style={{ width: 80 }} data-testid="queue-ivr-key" />
            </Form.Item>
            <Form.Item name="serviceLevelSeconds" label={t('adm.queues.serviceLevel')} rules={[{ required: true }]} extra={t('adm.queues.serviceLevelHelp')}>
              <InputNumber min={1} max={3600} addonAfter="s" data-testid="queue-service-level" />
            </Form.Item>
            <Form.Item name="maxWaitSeconds" label={t('adm.queues.maxWait')} rules={[{ required: true }]}>
              <InputNumber min={1} max={7200} addonAfter="s" data-testid="queue-max-wait" />
            </Form.Item>
            <Form.Item name="calendarId" label={t('adm.queues.calendar')} extra={t('adm.queues.calendarHelp')}>
              <Select
                allowClear
                data-testid="queue-calendar"
                options={(calendars.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.id} · ${c.name}` }))}
              />
            </Form.Item>
            <Form.Item name="opensAt" label={t('adm.queues.opensAt')} rules={[{ required: true, pattern: TIME, message: t('adm.timeRule') }]}>
              <Input style={{ width: 100 }} data-testid="queue-opens-at" />
            </Form.Item>
            <Form.Item name="closesAt" label={t('adm.queues.closesAt')} rules={[{ required: true, pattern: TIME, message: t('adm.timeRule') }]}>
              <Input style={{ width: 100 }} data-testid="queue-closes-at" />
            </Form.Item>
            <Form.Item name="afterHours" label={t('adm.queues.afterHours')} rules={[{ required: true }]}>
              <Select data-testid="queue-after-hours" options={AFTER_HOURS.map((a) => ({ value: a, label: t(`adm.afterHours.${a}`) }))} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.afterHours !== b.afterHours}>
              {() =>
                form.getFieldValue('afterHours') === 'overflow' ? (
                  <Form.Item name="overflowQueue" label={t('adm.queues.overflowQueue')} rules={[{ required: true }]}>
                    <Select
                      data-testid="queue-overflow"
                      options={(queues.data ?? []).filter((q) => q.id !== editing?.id && q.active).map((q) => ({ value: q.id, label: `${q.id} · ${q.name}` }))}
                    />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
            <Form.Item name="dutyAgents" label={t('adm.queues.dutyAgents')} extra={t('adm.queues.dutyAgentsHelp')}>
              <Select
                mode="multiple"
                data-testid="queue-duty-agents"
                optionFilterProp="label"
                options={(agents.data ?? []).map((a) => ({ value: a.agentId, label: a.name ? `${a.agentId} · ${a.name}` : a.agentId }))}
              />
            </Form.Item>
          </>
        )}
      </EditModal>
    </AdminCard>
  );
}

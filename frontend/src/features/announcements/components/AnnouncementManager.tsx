import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Popover, Radio, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement } from '../../../shared/api/types';
import { AREA_CODES, useAreaName } from '../../../shared/ui/areaName';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import {
  useAnnouncementReads,
  useAudienceChoices,
  useDeleteAnnouncement,
  useManagedAnnouncements,
  useSaveAnnouncement,
  type AnnouncementInput,
} from '../api/useAnnouncementAdmin';

interface FormValues {
  title: string;
  body?: string;
  urgent?: boolean;
  target: 'everyone' | 'targeted';
  agents?: string[];
  skillGroups?: string[];
  teams?: string[];
  areas?: string[];
  window?: [Dayjs | null, Dayjs | null] | null;
}

const audienceCount = (a: Announcement) =>
  (a.audience?.agents?.length ?? 0) + (a.audience?.skillGroups?.length ?? 0) + (a.audience?.teams?.length ?? 0) + (a.audience?.areas?.length ?? 0);

/** R-ANN-1: supervisors and admins create, edit and delete announcements, target them, and see who has read each. */
export function AnnouncementManager() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useManagedAnnouncements();
  const save = useSaveAnnouncement();
  const remove = useDeleteAnnouncement();
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  const date = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : '');
  const groupName = useSkillGroupName();
  const areaName = useAreaName();

  const audienceText = (a: Announcement) =>
    audienceCount(a) === 0
      ? [<Tag key="all">{t('annAdmin.everyone')}</Tag>]
      : [
          ...(a.audience?.skillGroups ?? []).map((g) => <Tag key={`g-${g}`} color="blue">{groupName(g)}</Tag>),
          ...(a.audience?.teams ?? []).map((x) => <Tag key={`t-${x}`} color="green">{x}</Tag>),
          ...(a.audience?.agents ?? []).map((x) => <Tag key={`a-${x}`}>{x}</Tag>),
          ...(a.audience?.areas ?? []).map((x) => <Tag key={`r-${x}`} color="orange">{areaName(x)}</Tag>),
        ];

  const columns: TableColumnsType<Announcement> = [
    {
      key: 'title',
      title: t('annAdmin.titleField'),
      render: (_, a) => (
        <Space size={4}>
          {a.urgent && <Tag color="red">{t('announcements.urgent')}</Tag>}
          <Typography.Text strong>{a.title}</Typography.Text>
        </Space>
      ),
    },
    { key: 'audience', title: t('annAdmin.audience'), render: (_, a) => <span data-testid={`ann-audience-${a.id}`}>{audienceText(a)}</span> },
    {
      key: 'window',
      title: t('annAdmin.window'),
      render: (_, a) => (a.validFrom || a.validTo ? `${date(a.validFrom) || '…'} – ${date(a.validTo) || '…'}` : t('annAdmin.always')),
    },
    { key: 'published', title: t('annAdmin.published'), render: (_, a) => `${date(a.publishedAt)} · ${a.author ?? ''}` },
    { key: 'reads', title: t('annAdmin.reads'), render: (_, a) => <Readers announcement={a} /> },
    {
      key: 'actions',
      title: t('annAdmin.actions'),
      render: (_, a) => (
        <Space size={2}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('annAdmin.edit')} title={t('annAdmin.edit')} data-testid={`ann-edit-${a.id}`} onClick={() => setEditing(a)} />
          <Popconfirm
            title={t('annAdmin.confirmDelete')}
            okText={t('annAdmin.delete')}
            cancelText={t('annAdmin.cancel')}
            onConfirm={() => remove.mutate(a.id, { onError: (e) => void message.error(problemMessage(e, t)) })}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('annAdmin.delete')} title={t('annAdmin.delete')} data-testid={`ann-delete-${a.id}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="announcement-manager">
      <Button type="primary" icon={<PlusOutlined />} data-testid="ann-new" onClick={() => setEditing('new')}>
        {t('annAdmin.new')}
      </Button>
      {list.error && <Alert type="error" showIcon title={problemMessage(list.error, t)} />}
      <Table<Announcement>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        onRow={(a) => ({ 'data-testid': `ann-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('announcements.empty') }}
      />
      {editing && (
        <AnnouncementForm
          initial={editing === 'new' ? null : editing}
          saving={save.isPending}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            save.mutate(
              { id: editing === 'new' ? null : editing.id, input },
              { onSuccess: () => setEditing(null), onError: (e) => void message.error(problemMessage(e, t)) },
            )
          }
        />
      )}
    </Space>
  );
}

function Readers({ announcement }: { announcement: Announcement }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const reads = useAnnouncementReads(open ? announcement.id : null);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('annAdmin.readBy')}
      content={
        <div data-testid={`ann-readers-${announcement.id}`} style={{ maxWidth: 320, maxHeight: 240, overflow: 'auto' }}>
          {reads.data ? (
            <>
              <Typography.Text type="secondary">{t('annAdmin.readOf', { read: reads.data.readers.length, of: reads.data.audienceSize })}</Typography.Text>
              {reads.data.readers.map((r) => (
                <div key={r.userId} data-testid={`ann-reader-${r.userId}`}>
                  {r.name} ({r.userId}) · {new Date(r.readAt).toLocaleString(i18n.language, { timeStyle: 'short', dateStyle: 'short' })}
                </div>
              ))}
            </>
          ) : (
            t('annAdmin.loading')
          )}
        </div>
      }
    >
      <Button size="small" type="link" data-testid={`ann-reads-${announcement.id}`}>
        {reads.data?.readers.length ?? announcement.readCount ?? 0}
      </Button>
    </Popover>
  );
}

function AnnouncementForm({ initial, saving, onCancel, onSave }: { initial: Announcement | null; saving: boolean; onCancel: () => void; onSave: (input: AnnouncementInput) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const choices = useAudienceChoices();
  const areaName = useAreaName();
  const zh = i18n.language.startsWith('zh');
  const target = Form.useWatch('target', form);
  const initialValues: FormValues = {
    title: initial?.title ?? '',
    body: initial?.body ?? '',
    urgent: initial?.urgent ?? false,
    target: initial && audienceCount(initial) > 0 ? 'targeted' : 'everyone',
    agents: initial?.audience?.agents ?? [],
    skillGroups: initial?.audience?.skillGroups ?? [],
    teams: initial?.audience?.teams ?? [],
    areas: initial?.audience?.areas ?? [],
    window: initial?.validFrom || initial?.validTo ? [initial.validFrom ? dayjs(initial.validFrom) : null, initial.validTo ? dayjs(initial.validTo) : null] : null,
  };
  const submit = (v: FormValues) => {
    const targeted = v.target === 'targeted';
    onSave({
      title: v.title,
      body: v.body ?? '',
      urgent: !!v.urgent,
      audience: targeted ? { agents: v.agents ?? [], skillGroups: v.skillGroups ?? [], teams: v.teams ?? [], areas: v.areas ?? [] } : {},
      validFrom: v.window?.[0]?.toISOString() ?? null,
      validTo: v.window?.[1]?.toISOString() ?? null,
    });
  };
  return (
    <Modal
      open
      title={initial ? t('annAdmin.edit') : t('annAdmin.new')}
      okText={t('annAdmin.save')}
      cancelText={t('annAdmin.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'ann-save' } as React.ComponentProps<typeof Button>}
      width={560}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="ann-form">
        <Form.Item name="title" label={t('annAdmin.titleField')} rules={[{ required: true, max: 120, message: t('annAdmin.titleRequired') }]}>
          <Input data-testid="ann-title" maxLength={120} />
        </Form.Item>
        <Form.Item name="body" label={t('annAdmin.body')}>
          <Input.TextArea data-testid="ann-body" rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="urgent" label={t('announcements.urgent')} valuePropName="checked">
          <Switch data-testid="ann-urgent" />
        </Form.Item>
        <Form.Item name="target" label={t('annAdmin.audience')}>
          <Radio.Group data-testid="ann-target">
            <Radio value="everyone" data-testid="ann-target-everyone">{t('annAdmin.everyone')}</Radio>
            <Radio value="targeted" data-testid="ann-target-targeted">{t('annAdmin.targeted')}</Radio>
          </Radio.Group>
        </Form.Item>
        {target === 'targeted' && (
          <>
            <Form.Item name="skillGroups" label={t('annAdmin.skillGroups')}>
              <Select mode="multiple" data-testid="ann-skill-groups" optionFilterProp="title"
                options={choices.groups.map((g) => {
                  const name = zh ? g.nameZh || g.name : g.name;
                  return { value: g.id, title: `${name} ${g.id}`, label: <span data-testid={`ann-group-${g.id}`}>{name}</span> };
                })} />
            </Form.Item>
            <Form.Item name="teams" label={t('annAdmin.teams')}>
              <Select mode="multiple" data-testid="ann-teams" optionFilterProp="label" options={choices.teams.map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
            <Form.Item name="agents" label={t('annAdmin.agents')}>
              <Select mode="multiple" data-testid="ann-agents" optionFilterProp="label"
                options={choices.agents.map((a) => ({ value: a.agentId, label: `${a.name} (${a.agentId})` }))} />
            </Form.Item>
            <Form.Item name="areas" label={t('annAdmin.areas')}>
              <Select mode="multiple" data-testid="ann-areas" options={AREA_CODES.map((a) => ({ value: a, label: areaName(a) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="window" label={t('annAdmin.window')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} data-testid="ann-window" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

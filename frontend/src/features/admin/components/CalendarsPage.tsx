import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAYS, type BusinessCalendar, type WeeklyWindow } from '../api/adminTypes';
import { adminKeys, putJson, useAdminSave, useCalendars } from '../api/useAdminData';
import { ActiveTag } from './ActiveTag';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

const CODE = /^[a-z][a-z0-9-]{0,47}$/;
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's shape: an exception is one window (or closed all day when both times are empty). */
interface CalendarForm {
  id: string;
  name: string;
  nameZh?: string | null;
  weekly: WeeklyWindow[];
  holidays: { date: string; name?: string | null }[];
  exceptions: { date: string; open?: string; close?: string; name?: string | null }[];
}

const WORKDAYS: WeeklyWindow[] = DAYS.slice(0, 5).map((day) => ({ day, open: '08:00', close: '20:00' }));

function toForm(c: Partial<BusinessCalendar>): Partial<CalendarForm> {
  return {
    ...c,
    weekly: c.weekly ?? WORKDAYS,
    holidays: c.holidays ?? [],
    exceptions: (c.exceptions ?? []).map((e) => ({ date: e.date, name: e.name, open: e.windows[0]?.open, close: e.windows[0]?.close })),
  };
}

/** R-ADM-2: business-hours calendars — a weekly schedule, holidays and exceptions — that queues route by. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const [editing, setEditing] = useState<Partial<BusinessCalendar> | null>(null);
  const initial = useMemo(() => toForm(editing ?? {}), [editing]);
  const save = useAdminSave((c: Omit<BusinessCalendar, 'usedByQueues'>) => putJson(`/api/business-calendars/${encodeURIComponent(c.id)}`, c), adminKeys.calendars);
  const isNew = editing !== null && editing.id === undefined;
  const dayName = (d: string) => t(`adm.days.${d}`);

  return (
    <AdminCard title={t('adm.calendars.title')} testId="admin-calendars" onNew={() => setEditing({})} onReload={() => void calendars.refetch()} error={calendars.error}>
      <Table<BusinessCalendar>
        rowKey="id"
        size="small"
        loading={calendars.isLoading}
        dataSource={calendars.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => ({ 'data-testid': `calendar-row-${r.id}` }) as never}
        columns={[
          { title: t('adm.id'), dataIndex: 'id' },
          { title: t('adm.name'), dataIndex: 'name' },
          {
            title: t('adm.calendars.weekly'),
            dataIndex: 'weekly',
            render: (w: WeeklyWindow[]) => (w.length ? w.map((x, i) => <Tag key={i}>{`${dayName(x.day)} ${x.open}–${x.close}`}</Tag>) : t('adm.calendars.alwaysClosed')),
          },
          { title: t('adm.calendars.holidays'), dataIndex: 'holidays', render: (h: unknown[]) => h.length },
          { title: t('adm.calendars.exceptions'), dataIndex: 'exceptions', render: (e: unknown[]) => e.length },
          { title: t('adm.calendars.usedBy'), dataIndex: 'usedByQueues', render: (q: string[]) => q.join(', ') || '—' },
          { title: t('adm.status'), dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
          {
            title: '',
            key: 'actions',
            width: 160,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`calendar-edit-${r.id}`}>
                  {t('adm.edit')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => save.mutate({ ...r, active: !r.active })} data-testid={`calendar-toggle-${r.id}`}>
                  {r.active ? t('adm.retire') : t('adm.restore')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<CalendarForm>
        open={editing !== null}
        title={isNew ? t('adm.calendars.new') : t('adm.calendars.edit')}
        initial={initial}
        onClose={() => setEditing(null)}
        save={(v) =>
          save.mutateAsync({
            id: editing?.id ?? v.id,
            name: v.name,
            nameZh: v.nameZh,
            active: editing?.active ?? true,
            weekly: v.weekly ?? [],
            holidays: v.holidays ?? [],
            exceptions: (v.exceptions ?? []).map((e) => ({ date: e.date, name: e.name, windows: e.open && e.close ? [{ open: e.open, close: e.close }] : [] })),
          })
        }
        saving={save.isPending}
        testId="calendar-form"
        width={720}
      >
        {() => (
          <>
            <Form.Item name="id" label={t('adm.id')} rules={[{ required: true, pattern: CODE, message: t('adm.codeRule') }]} extra={t('adm.codeHelp')}>
              <Input disabled={!isNew} data-testid="calendar-id" />
            </Form.Item>
            <Form.Item name="name" label={t('adm.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="calendar-name" maxLength={64} />
            </Form.Item>
            <Form.Item name="nameZh" label={t('adm.nameZh')} rules={[{ max: 64 }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Divider titlePlacement="start">{t('adm.calendars.weekly')}</Divider>
            <Form.List name="weekly">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap data-testid="calendar-weekly-row">
                      <Form.Item name={[f.name, 'day']} rules={[{ required: true }]}>
                        <Select style={{ width: 130 }} options={DAYS.map((d) => ({ value: d, label: dayName(d) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'open']} rules={[{ required: true, pattern: TIME, message: t('adm.timeRule') }]}>
                        <Input style={{ width: 90 }} placeholder="08:00" data-testid="calendar-weekly-open" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'close']} rules={[{ required: true, pattern: TIME, message: t('adm.timeRule') }]}>
                        <Input style={{ width: 90 }} placeholder="20:00" data-testid="calendar-weekly-close" />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('adm.remove')} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ day: 'monday', open: '08:00', close: '20:00' })} icon={<PlusOutlined />} data-testid="calendar-weekly-add">
                    {t('adm.calendars.addWindow')}
                  </Button>
                </>
              )}
            </Form.List>
            <Divider titlePlacement="start">{t('adm.calendars.holidays')}</Divider>
            <Form.List name="holidays">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'date']} rules={[{ required: true, pattern: DATE, message: t('adm.dateRule') }]}>
                        <Input style={{ width: 130 }} placeholder="2026-10-01" data-testid="calendar-holiday-date" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']}>
                        <Input style={{ width: 220 }} placeholder={t('adm.name')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('adm.remove')} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ date: '' })} icon={<PlusOutlined />} data-testid="calendar-holiday-add">
                    {t('adm.calendars.addHoliday')}
                  </Button>
                </>
              )}
            </Form.List>
            <Divider titlePlacement="start">{t('adm.calendars.exceptions')}</Divider>
            <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('adm.calendars.exceptionsHelp')}</p>
            <Form.List name="exceptions">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'date']} rules={[{ required: true, pattern: DATE, message: t('adm.dateRule') }]}>
                        <Input style={{ width: 130 }} placeholder="2026-09-27" data-testid="calendar-exception-date" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'open']} rules={[{ pattern: TIME, message: t('adm.timeRule') }]}>
                        <Input style={{ width: 90 }} placeholder="09:00" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'close']} rules={[{ pattern: TIME, message: t('adm.timeRule') }]}>
                        <Input style={{ width: 90 }} placeholder="17:00" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']}>
                        <Input style={{ width: 160 }} placeholder={t('adm.name')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('adm.remove')} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ date: '' })} icon={<PlusOutlined />} data-testid="calendar-exception-add">
                    {t('adm.calendars.addException')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </EditModal>
    </AdminCard>
  );
}

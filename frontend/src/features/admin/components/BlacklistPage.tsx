import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/ApiError';
import { readXsrfToken, XSRF_HEADER } from '../../../shared/api/xsrf';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { DIRECTIONS, type BlacklistEntry } from '../api/adminTypes';
import { adminKeys, deleteJson, postJson, putJson, useAdminSave, useBlacklist } from '../api/useAdminData';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

interface EntryForm {
  pattern: string;
  direction: string;
  reason?: string;
}

/** POST /api/blacklist/import with the file (multipart); problem details become an ApiError like every other call. */
async function importFile(file: File): Promise<{ added: number; skipped: string[] }> {
  const body = new FormData();
  body.append('file', file);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readXsrfToken();
  if (token) headers[XSRF_HEADER] = token;
  const response = await fetch('/api/blacklist/import', { method: 'POST', body, headers, credentials: 'same-origin' });
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, { status: response.status, ...(json as object) });
  return json as { added: number; skipped: string[] };
}

/** R-ADM-2 / R-ACD-4: blacklisted numbers, prefixes and ranges, inbound, outbound or both; Excel import. */
export function BlacklistPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const entries = useBlacklist();
  const [editing, setEditing] = useState<Partial<BlacklistEntry> | null>(null);
  const add = useAdminSave((e: EntryForm) => postJson('/api/blacklist', e), adminKeys.blacklist);
  const update = useAdminSave((e: { id: number; reason?: string; direction: string }) => putJson(`/api/blacklist/${e.id}`, e), adminKeys.blacklist);
  const remove = useAdminSave((id: number) => deleteJson(`/api/blacklist/${id}`), adminKeys.blacklist);
  const importing = useAdminSave(importFile, adminKeys.blacklist);
  const isNew = editing !== null && editing.id === undefined;

  return (
    <AdminCard
      title={t('adm.blacklist.title')}
      testId="admin-blacklist"
      onNew={() => setEditing({ direction: 'both' })}
      onReload={() => void entries.refetch()}
      error={entries.error}
      extra={
        <Upload
          accept=".xlsx"
          showUploadList={false}
          customRequest={({ file }) =>
            importing.mutate(file as File, {
              onSuccess: (r) => void message.success(t('adm.blacklist.imported', { added: r.added, skipped: r.skipped.length })),
              onError: (e) => void message.error(problemMessage(e, t)),
            })
          }
        >
          <Button icon={<UploadOutlined />} loading={importing.isPending} data-testid="blacklist-import">
            {t('adm.blacklist.import')}
          </Button>
        </Upload>
      }
    >
      <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('adm.blacklist.help')}</p>
      <Table<BlacklistEntry>
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        dataSource={entries.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        onRow={(r) => ({ 'data-testid': `blacklist-row-${r.pattern}` }) as never}
        columns={[
          { title: t('adm.blacklist.pattern'), dataIndex: 'pattern' },
          { title: t('adm.blacklist.direction'), dataIndex: 'direction', render: (d: string) => <span data-testid="blacklist-direction">{t(`adm.direction.${d}`)}</span> },
          { title: t('adm.blacklist.reason'), dataIndex: 'reason' },
          { title: t('adm.blacklist.createdBy'), dataIndex: 'createdBy' },
          { title: t('adm.blacklist.createdAt'), dataIndex: 'createdAt', render: (at: string) => new Date(at).toLocaleString(i18n.language) },
          {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`blacklist-edit-${r.pattern}`}>
                  {t('adm.edit')}
                </Button>
                <Popconfirm title={t('adm.blacklist.removeConfirm')} onConfirm={() => remove.mutate(r.id)} okText={t('adm.remove')} cancelText={t('adm.cancel')}>
                  <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('adm.remove')} data-testid={`blacklist-remove-${r.pattern}`} />
                </Popconfirm>
              </>
            ),
          },
        ]}
      />
      <EditModal<EntryForm>
        open={editing !== null}
        title={isNew ? t('adm.blacklist.new') : t('adm.blacklist.edit')}
        initial={(editing ?? {}) as Partial<EntryForm>}
        onClose={() => setEditing(null)}
        save={(v) => (isNew ? add.mutateAsync(v) : update.mutateAsync({ id: editing!.id!, reason: v.reason, direction: v.direction }))}
        saving={add.isPending || update.isPending}
        testId="blacklist-form"
      >
        {() => (
          <>
            <Form.Item name="pattern" label={t('adm.blacklist.pattern')} rules={[{ required: true, whitespace: true, max: 41 }]} extra={t('adm.blacklist.patternHelp')}>
              <Input disabled={!isNew} data-testid="blacklist-pattern" />
            </Form.Item>
            <Form.Item name="direction" label={t('adm.blacklist.direction')} rules={[{ required: true }]}>
              <Select data-testid="blacklist-direction-select" options={DIRECTIONS.map((d) => ({ value: d, label: t(`adm.direction.${d}`) }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('adm.blacklist.reason')} rules={[{ max: 200 }]}>
              <Input data-testid="blacklist-reason" maxLength={200} />
            </Form.Item>
          </>
        )}
      </EditModal>
    </AdminCard>
  );
}

import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPurpose } from '../api/adminTypes';
import { adminKeys, putJson, useAdminSave, useCallPurposesAdmin } from '../api/useAdminData';
import { ActiveTag } from './ActiveTag';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

const CODE = /^[a-z][a-z0-9-]{0,47}$/;

/** R-ADM-2 / R-TAG-1: call purposes and their sub-types. */
export function CallPurposesPage() {
  const { t } = useTranslation();
  const purposes = useCallPurposesAdmin();
  const [editing, setEditing] = useState<Partial<CallPurpose> | null>(null);
  const save = useAdminSave((p: CallPurpose) => putJson(`/api/call-purposes/${encodeURIComponent(p.code)}`, p), adminKeys.callPurposes);
  const isNew = editing !== null && editing.code === undefined;

  return (
    <AdminCard title={t('adm.purposes.title')} testId="admin-call-purposes" onNew={() => setEditing({ subtypes: [] })} onReload={() => void purposes.refetch()} error={purposes.error}>
      <Table<CallPurpose>
        rowKey="code"
        size="small"
        loading={purposes.isLoading}
        dataSource={purposes.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(r) => ({ 'data-testid': `purpose-row-${r.code}` }) as never}
        columns={[
          { title: t('adm.code'), dataIndex: 'code' },
          { title: t('adm.name'), dataIndex: 'name' },
          { title: t('adm.nameZh'), dataIndex: 'nameZh' },
          { title: t('adm.purposes.subtypes'), dataIndex: 'subtypes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('adm.status'), dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`purpose-edit-${r.code}`}>
                  {t('adm.edit')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => save.mutate({ ...r, active: !r.active })} data-testid={`purpose-toggle-${r.code}`}>
                  {r.active ? t('adm.retire') : t('adm.restore')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<CallPurpose>
        open={editing !== null}
        title={isNew ? t('adm.purposes.new') : t('adm.purposes.edit')}
        initial={editing ?? {}}
        onClose={() => setEditing(null)}
        save={(v) => save.mutateAsync({ ...v, code: editing?.code ?? v.code, active: editing?.active ?? true })}
        saving={save.isPending}
        testId="purpose-form"
      >
        {() => (
          <>
            <Form.Item name="code" label={t('adm.code')} rules={[{ required: true, pattern: CODE, message: t('adm.codeRule') }]} extra={t('adm.codeHelp')}>
              <Input disabled={!isNew} data-testid="purpose-code" />
            </Form.Item>
            <Form.Item name="name" label={t('adm.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="purpose-name" maxLength={64} />
            </Form.Item>
            <Form.Item name="nameZh" label={t('adm.nameZh')} rules={[{ max: 64 }]}>
              <Input data-testid="purpose-name-zh" maxLength={64} />
            </Form.Item>
            <Form.Item name="subtypes" label={t('adm.purposes.subtypes')} extra={t('adm.purposes.subtypesHelp')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="tags" tokenSeparators={[',', ' ']} open={false} data-testid="purpose-subtypes" />
            </Form.Item>
          </>
        )}
      </EditModal>
    </AdminCard>
  );
}

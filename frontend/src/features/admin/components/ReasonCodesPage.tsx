import { Button, Checkbox, Form, Input, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonCode } from '../api/adminTypes';
import { adminKeys, putJson, useAdminSave, useReasonCodesAdmin } from '../api/useAdminData';
import { ActiveTag } from './ActiveTag';
import { AdminCard } from './AdminCard';
import { EditModal } from './EditModal';

const CODE = /^[a-z][a-z0-9-]{0,31}$/;

/** R-ADM-2 / R-STATE-2: not-ready reason codes, with "needs approval" and the most agents away at once. */
export function ReasonCodesPage() {
  const { t } = useTranslation();
  const codes = useReasonCodesAdmin();
  const [editing, setEditing] = useState<Partial<ReasonCode> | null>(null);
  const save = useAdminSave((r: ReasonCode) => putJson(`/api/reason-codes/${encodeURIComponent(r.code)}`, r), adminKeys.reasonCodes);
  const isNew = editing !== null && editing.code === undefined;

  return (
    <AdminCard title={t('adm.reasonCodes.title')} testId="admin-reason-codes" onNew={() => setEditing({})} onReload={() => void codes.refetch()} error={codes.error}>
      <Table<ReasonCode>
        rowKey="code"
        size="small"
        loading={codes.isLoading}
        dataSource={codes.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(r) => ({ 'data-testid': `reason-code-row-${r.code}` }) as never}
        columns={[
          { title: t('adm.code'), dataIndex: 'code' },
          { title: t('adm.name'), dataIndex: 'name' },
          { title: t('adm.nameZh'), dataIndex: 'nameZh' },
          { title: t('adm.reasonCodes.needsApproval'), dataIndex: 'needsApproval', render: (v: boolean) => (v ? <Tag color="orange">{t('adm.yes')}</Tag> : t('adm.no')) },
          { title: t('adm.reasonCodes.maxAway'), dataIndex: 'maxAway', render: (v?: number | null) => v ?? t('adm.noLimit') },
          { title: t('adm.status'), dataIndex: 'active', render: (v: boolean) => <ActiveTag active={v} /> },
          {
            title: '',
            key: 'actions',
            width: 170,
            render: (_, r) => (
              <>
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`reason-code-edit-${r.code}`}>
                  {t('adm.edit')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => save.mutate({ ...r, active: !r.active })} data-testid={`reason-code-toggle-${r.code}`}>
                  {r.active ? t('adm.retire') : t('adm.restore')}
                </Button>
              </>
            ),
          },
        ]}
      />
      <EditModal<ReasonCode>
        open={editing !== null}
        title={isNew ? t('adm.reasonCodes.new') : t('adm.reasonCodes.edit')}
        initial={editing ?? {}}
        onClose={() => setEditing(null)}
        save={(v) => save.mutateAsync({ ...v, code: editing?.code ?? v.code, active: editing?.active ?? true, maxAway: v.maxAway ?? null })}
        saving={save.isPending}
        testId="reason-code-form"
      >
        {() => (
          <>
            <Form.Item name="code" label={t('adm.code')} rules={[{ required: true, pattern: CODE, message: t('adm.codeRule') }]} extra={t('adm.codeHelp')}>
              <Input disabled={!isNew} data-testid="reason-code-code" />
            </Form.Item>
            <Form.Item name="name" label={t('adm.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
              <Input data-testid="reason-code-name" maxLength={64} />
            </Form.Item>
            <Form.Item name="nameZh" label={t('adm.nameZh')} rules={[{ max: 64 }]}>
              <Input data-testid="reason-code-name-zh" maxLength={64} />
            </Form.Item>
            <Form.Item name="needsApproval" valuePropName="checked">
              <Checkbox data-testid="reason-code-needs-approval">{t('adm.reasonCodes.needsApproval')}</Checkbox>
            </Form.Item>
            <Form.Item name="maxAway" label={t('adm.reasonCodes.maxAway')} extra={t('adm.reasonCodes.maxAwayHelp')}>
              <InputNumber min={1} max={1000} data-testid="reason-code-max-away" />
            </Form.Item>
          </>
        )}
      </EditModal>
    </AdminCard>
  );
}

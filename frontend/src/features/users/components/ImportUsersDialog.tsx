import { Alert, App, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useImportUsers, type ImportResult } from '../api/users';

/** Import users from Excel: a dry run first shows what would change; "Apply" then makes those changes. */
export function ImportUsersDialog({ file, onClose }: { file: File | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useImportUsers();
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const { mutate, reset } = run;

  useEffect(() => {
    setPreview(null);
    reset();
    if (file) mutate({ file, dryRun: true }, { onSuccess: setPreview });
  }, [file, mutate, reset]);

  const apply = () =>
    file &&
    run.mutate(
      { file, dryRun: false },
      {
        onSuccess: (r) => {
          if (r.applied) {
            void message.success(t('users.importApplied', { count: r.changes.length }));
            onClose();
          } else setPreview(r);
        },
      },
    );

  return (
    <Modal
      open={!!file}
      title={t('users.importTitle')}
      onCancel={onClose}
      onOk={apply}
      okText={t('users.importApply')}
      okButtonProps={{ disabled: !preview || preview.errors.length > 0 || preview.changes.length === 0 }}
      confirmLoading={run.isPending}
      width={720}
      destroyOnHidden
    >
      {run.isError && <Alert type="error" showIcon title={problemMessage(run.error, t)} />}
      {preview && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-preview">
          <Typography.Text>{t('users.importSummary', { changes: preview.changes.length, unchanged: preview.unchanged })}</Typography.Text>
          {preview.errors.map((e) => (
            <Alert key={`${e.row}-${e.field}`} type="error" showIcon title={t('users.importError', { row: e.row, field: e.field, message: e.message })} />
          ))}
          <Table
            size="small"
            rowKey="id"
            dataSource={preview.changes}
            pagination={false}
            columns={[
              { key: 'id', title: t('users.id'), dataIndex: 'id' },
              { key: 'action', title: t('users.importAction'), render: (_, c) => <Tag color={c.action === 'create' ? 'green' : 'blue'}>{t(`users.importActions.${c.action}`)}</Tag> },
              {
                key: 'what',
                title: t('users.changeWhat'),
                render: (_, c) =>
                  c.changes ? Object.entries(c.changes).map(([f, [a, b]]) => `${f}: ${a ?? '—'} → ${b ?? '—'}`).join('; ') : '',
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}

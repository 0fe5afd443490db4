import { DownloadOutlined, HistoryOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../shared/api/download';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useSetDisabled, useUsers, type User } from '../api/users';
import { AdminChangesDrawer } from './AdminChangesDrawer';
import { ImportUsersDialog } from './ImportUsersDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserForm } from './UserForm';

/** Users (R-ADM-1): create, edit, disable/enable (never delete), reset a password, Excel import/export, each user's trail. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const users = useUsers();
  const setDisabled = useSetDisabled();
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [importing, setImporting] = useState<File | null>(null);
  const [filter, setFilter] = useState('');
  const rows = (users.data ?? []).filter(
    (u) => !filter || u.id.includes(filter) || u.name.includes(filter) || (u.team ?? '').includes(filter),
  );

  return (
    <Card size="small" title={t('users.title')} data-testid="users-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="user-new">
          {t('users.new')}
        </Button>
        <Input.Search allowClear data-testid="users-filter" placeholder={t('users.filter')} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} style={{ width: 220 }} />
        <Button icon={<DownloadOutlined />} onClick={() => void downloadFile('/api/users/export', 'users.xlsx').catch((e) => message.error(problemMessage(e, t)))} data-testid="users-export">
          {t('users.export')}
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (setImporting(file), false)}>
          <Button icon={<UploadOutlined />} data-testid="users-import">
            {t('users.import')}
          </Button>
        </Upload>
      </Space>
      {users.isError && <Alert type="error" showIcon title={problemMessage(users.error, t)} />}
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        onRow={(u) => ({ 'data-testid': `user-row-${u.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'id', title: t('users.id'), dataIndex: 'id' },
          { key: 'name', title: t('users.name'), dataIndex: 'name' },
          { key: 'roles', title: t('users.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r} color="blue">{t(`roles.${r}`)}</Tag>) },
          { key: 'team', title: t('users.team'), render: (_, u) => u.team ?? '—' },
          {
            key: 'skills',
            title: t('users.skillGroups'),
            render: (_, u) => u.skillGroups.map((g) => <Tag key={g}>{`${g} · ${u.proficiency[g] ?? 3}`}</Tag>),
          },
          { key: 'extension', title: t('users.extension'), render: (_, u) => u.extension ?? '—' },
          {
            key: 'status',
            title: t('users.status'),
            render: (_, u) => (u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>),
          },
          {
            key: 'actions',
            title: t('users.actions'),
            render: (_, u) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.id}`}>{t('users.edit')}</Button>
                <Button size="small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.id}`}>{t('users.resetPassword')}</Button>
                <Popconfirm
                  title={u.disabled ? t('users.enableConfirm', { id: u.id }) : t('users.disableConfirm', { id: u.id })}
                  okButtonProps={{ 'data-testid': 'user-disable-confirm' }}
                  onConfirm={() =>
                    setDisabled.mutate(
                      { id: u.id, disabled: !u.disabled },
                      { onError: (e) => void message.error(problemMessage(e, t)) },
                    )
                  }
                >
                  <Button size="small" danger={!u.disabled} data-testid={`user-${u.disabled ? 'enable' : 'disable'}-${u.id}`}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Popconfirm>
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(u.id)} aria-label={t('users.history')} />
              </Space>
            ),
          },
        ]}
      />
      <UserForm
        open={editing !== undefined}
        user={editing ?? null}
        onClose={(saved) => {
          setEditing(undefined);
          if (saved) void message.success(t('users.saved', { id: saved }));
        }}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <AdminChangesDrawer subject={history ? { userId: history } : null} title={history ?? ''} onClose={() => setHistory(null)} />
      <ImportUsersDialog file={importing} onClose={() => setImporting(null)} />
    </Card>
  );
}

import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';

/** The frame of an admin list page: title, New and Reload, an error when the list failed, the table. */
export function AdminCard({
  title,
  testId,
  onNew,
  onReload,
  error,
  extra,
  children,
}: {
  title: string;
  testId: string;
  onNew?: () => void;
  onReload: () => void;
  error?: unknown;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space wrap>
          {extra}
          <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('adm.reload')} />
          {onNew && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid={`${testId}-new`}>
              {t('adm.new')}
            </Button>
          )}
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={problemMessage(error, t)} style={{ marginBottom: 8 }} /> : null}
      {children}
    </Card>
  );
}

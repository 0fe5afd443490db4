import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useSaveCenterTitle } from '../api/useCenterTitleSetting';

/** Admin form for the center title shown in the browser title and header (R-UI-1). */
export function CenterTitleSettings({ current }: { current: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveCenterTitle();
  return (
    <Card size="small" title={t('admin.centerTitle')} style={{ maxWidth: 560 }}>
      <Form
        layout="vertical"
        initialValues={{ centerTitle: current }}
        onFinish={({ centerTitle }: { centerTitle: string }) =>
          save.mutate(centerTitle.trim(), {
            onSuccess: () => void message.success(t('admin.saved')),
            onError: (e) => void message.error(problemMessage(e, t)),
          })
        }
      >
        <Form.Item
          name="centerTitle"
          label={t('admin.centerTitle')}
          extra={t('admin.centerTitleHelp')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('admin.centerTitleRequired') }]}
        >
          <Input data-testid="admin-center-title" maxLength={100} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="admin-center-title-save">
          {t('admin.save')}
        </Button>
      </Form>
    </Card>
  );
}

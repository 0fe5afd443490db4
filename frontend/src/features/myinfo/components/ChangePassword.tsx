import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useChangeMyPassword } from '../api/myAccount';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** R-ME-1: change my password under the stated policy; my other sessions end. */
export function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeMyPassword();
  return (
    <Card size="small" title={t('myPassword.title')} style={{ maxWidth: 520 }} data-testid="change-password">
      <Typography.Paragraph type="secondary">{t('users.passwordPolicy')} {t('myPassword.othersEnd')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ currentPassword, newPassword }) =>
          change.mutate(
            { currentPassword, newPassword },
            {
              onSuccess: () => {
                form.resetFields();
                void message.success(t('myPassword.changed'));
              },
              onError: (e) =>
                isApiError(e, 400) && e.problem.errors
                  ? form.setFields(Object.entries(e.problem.errors).map(([name, errors]) => ({ name: name as keyof Values, errors })))
                  : void message.error(problemMessage(e, t)),
            },
          )
        }
      >
        <Form.Item name="currentPassword" label={t('myPassword.current')} rules={[{ required: true, message: t('myPassword.currentRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('myPassword.new')} rules={[{ required: true, min: 8, max: 128, message: t('users.passwordPolicy') }]}>
          <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('myPassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('myPassword.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('myPassword.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-save">
          {t('myPassword.save')}
        </Button>
      </Form>
    </Card>
  );
}

import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useResetPassword, type User } from '../api/users';

/** An admin sets a new password for a user; the user's sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  return (
    <Modal
      open={!!user}
      title={t('users.resetTitle', { id: user?.id ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ newPassword }) =>
          reset.mutate(
            { id: user!.id, newPassword },
            {
              onSuccess: () => {
                void message.success(t('users.passwordReset'));
                onClose();
              },
              onError: (e) =>
                form.setFields([{ name: 'newPassword', errors: [isApiError(e, 400) ? e.fieldMessages.join(' ') : problemMessage(e, t)] }]),
            },
          )
        }
      >
        <Form.Item name="newPassword" label={t('users.newPassword')} extra={t('users.passwordPolicy')} rules={[{ required: true, min: 8, message: t('users.passwordPolicy') }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

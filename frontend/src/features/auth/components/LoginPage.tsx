import { LockOutlined, LoginOutlined, PhoneFilled, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import type { Me } from '../../../shared/api/types';
import { LanguageSwitch } from '../../../shared/i18n/LanguageSwitch';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useLogin, type Credentials } from '../api/session';
import styles from './LoginPage.module.css';

interface Props {
  centerTitle: string;
  onSignedIn?: (me: Me) => void;
  /** Shown above the card, e.g. when the server could not be reached. */
  notice?: ReactNode;
}

export function LoginPage({ centerTitle, onSignedIn, notice }: Props) {
  const { t } = useTranslation();
  const login = useLogin();
  const [form] = Form.useForm<Credentials>();

  const submit = (values: Credentials) =>
    login.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: onSignedIn });

  const error = login.error
    ? isApiError(login.error, 401)
      ? t('login.badCredentials')
      : problemMessage(login.error, t)
    : null;

  return (
    <main className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      {notice && <div className={styles.notice}>{notice}</div>}
      <Card className={styles.card} variant="borderless">
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            <PhoneFilled />
          </span>
          <Typography.Title level={3} className={styles.title} data-testid="login-center-title">
            {centerTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        <Form<Credentials>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={() => login.error && login.reset()}
          aria-label={t('login.submit')}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          {error && (
            <Alert data-testid="login-error" role="alert" type="error" showIcon title={error} className={styles.error} />
          )}
          <Button
            data-testid="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            icon={<LoginOutlined />}
            loading={login.isPending}
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}

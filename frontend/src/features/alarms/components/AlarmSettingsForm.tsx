import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/fieldErrors';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAlarmSettings, useSaveAlarmSettings, type AlarmSettings } from '../api/useAlarmSettings';

type Fields = Omit<AlarmSettings, 'since'>;
const FIELDS: (keyof Fields)[] = ['level3', 'level2', 'level1', 'windowMinutes'];

/** Admins: the three thresholds (work-order calls in the window) and the window (R-ALARM-2). */
export function AlarmSettingsForm() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const settings = useAlarmSettings();
  const save = useSaveAlarmSettings();
  const [form] = Form.useForm<Fields>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const submit = (values: Fields) =>
    save.mutate(values, {
      onSuccess: () => void message.success(t('alarms.settings.saved')),
      onError: (e) => {
        const fields = fieldErrors(e, FIELDS);
        if (fields.length) form.setFields(fields);
        else void message.error(problemMessage(e, t));
      },
    });

  if (settings.isError) return <Alert type="error" showIcon title={problemMessage(settings.error, t)} />;
  if (!settings.data) return <Skeleton active />;
  return (
    <Card size="small" title={t('alarms.settings.title')} style={{ maxWidth: 560 }} data-testid="alarm-settings">
      <Typography.Paragraph type="secondary">{t('alarms.settings.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={settings.data} onFinish={submit}>
        {FIELDS.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`alarms.settings.${name}`)}
            rules={[{ required: true, type: 'integer', min: name === 'windowMinutes' ? 5 : 1, message: t('alarms.settings.required') }]}
          >
            <InputNumber min={1} max={name === 'windowMinutes' ? 1440 : 10000} style={{ width: 200 }} data-testid={`alarm-settings-${name}`} />
          </Form.Item>
        ))}
        {settings.data.since && (
          <Typography.Paragraph type="secondary">
            {t('alarms.settings.since', { time: new Date(settings.data.since).toLocaleString(i18n.language) })}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="alarm-settings-save">
          {t('admin.save')}
        </Button>
      </Form>
    </Card>
  );
}

import { DeleteOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../shared/api/fieldErrors';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useCenterSettings, useSaveCenterSettings, type CenterSettingsValues } from '../api/useCenterTitleSetting';

const MAX_LOGO_BYTES = 200 * 1024;
/** Zones offered first; any IANA id can be typed. */
const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Tokyo', 'Asia/Singapore', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'UTC'];

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Admin form for the center's title, logo (R-UI-1) and time zone. */
export function CenterSettings({ current }: { current: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useCenterSettings();
  const save = useSaveCenterSettings();
  const [form] = Form.useForm<CenterSettingsValues>();
  const [logo, setLogo] = useState<string | null | undefined>(undefined); // undefined: unchanged
  const shownLogo = logo === undefined ? settings.data?.logo : logo;
  const zones = [...new Set([...(settings.data?.timeZone ? [settings.data.timeZone] : []), ...ZONES])];

  return (
    <Card size="small" title={t('adm.center.title')} style={{ maxWidth: 640 }} data-testid="admin-center-settings">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ centerTitle: current, timeZone: settings.data?.timeZone ?? 'Asia/Shanghai' }}
        key={settings.data?.timeZone ?? 'loading'}
        onFinish={(v) =>
          save.mutate(
            { centerTitle: v.centerTitle.trim(), timeZone: v.timeZone, ...(logo !== undefined ? { logo: logo ?? '' } : {}) },
            {
              onSuccess: () => {
                setLogo(undefined);
                void message.success(t('admin.saved'));
              },
              onError: (e) => {
                const fields = fieldErrors(e, ['centerTitle', 'timeZone', 'logo'] as const);
                if (fields.length) form.setFields(fields);
                void message.error(problemMessage(e, t));
              },
            },
          )
        }
      >
        <Form.Item
          name="centerTitle"
          label={t('admin.centerTitle')}
          extra={t('admin.centerTitleHelp')}
          rules={[{ required: true, whitespace: true, max: 80, message: t('admin.centerTitleRequired') }]}
        >
          <Input data-testid="admin-center-title" maxLength={80} showCount />
        </Form.Item>
        <Form.Item label={t("adm.center.logo")} extra={t("adm.center.logoHelp")}>
          <Space align="center" wrap>
            {shownLogo ? <img src={shownLogo} alt={t('adm.center.logo')} style={{ height: 40, maxWidth: 160, objectFit: 'contain' }} data-testid="admin-logo-preview" /> : null}
            <Upload
              accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > MAX_LOGO_BYTES) void message.error(t('adm.center.logoTooBig'));
                else void readDataUrl(file).then(setLogo);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="admin-logo-upload">
                {t('adm.center.chooseLogo')}
              </Button>
            </Upload>
            {shownLogo ? (
              <Button icon={<DeleteOutlined />} onClick={() => setLogo(null)} data-testid="admin-logo-remove">
                {t('adm.remove')}
              </Button>
            ) : null}
          </Space>
        </Form.Item>
        <Form.Item name="timeZone" label={t('adm.center.timeZone')} extra={t('adm.center.timeZoneHelp')} rules={[{ required: true }]}>
          <Select showSearch data-testid="admin-time-zone" options={zones.map((z) => ({ value: z, label: z }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="admin-center-title-save">
          {t('admin.save')}
        </Button>
      </Form>
    </Card>
  );
}

import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { Button, Checkbox, Divider, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/types';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import {
  forwardingModes,
  readPhoneSettings,
  usePhoneSettings,
  type Forwarding,
} from '../api/usePhoneSettings';

/** Auto-answer (R-PHONE-2), call forwarding (R-PHONE-13) and active skill groups (R-PHONE-12). */
export function PhoneSettings({ me }: { me: Me }) {
  const { t } = useTranslation();
  const groupName = useSkillGroupName();
  const agentState = useMyAgentState();
  const save = usePhoneSettings(me.id);
  const [memory] = useState(() => readPhoneSettings(me.id));
  const [autoAnswer, setAutoAnswer] = useState(memory.autoAnswer);
  const [form] = Form.useForm<Forwarding>();
  const mode = Form.useWatch('mode', form) ?? memory.forwarding.mode;
  const active = agentState?.skillGroups?.length ? agentState.skillGroups : me.skillGroups;
  const [groups, setGroups] = useState<string[]>(active);
  const signedIn = !!agentState && agentState.state !== 'signedOut';

  return (
    <div style={{ width: 300 }} data-testid="phone-settings">
      <Space align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('phoneSettings.autoAnswer')}</Typography.Text>
        <Switch
          data-testid="auto-answer"
          checked={autoAnswer}
          loading={save.isPending && save.variables?.kind === 'autoAnswer'}
          onChange={(on) =>
            save.mutate({ kind: 'autoAnswer', on }, { onSuccess: () => setAutoAnswer(on) })
          }
        />
      </Space>
      <Divider style={{ margin: '10px 0' }} />
      <Typography.Text strong>{t('phoneSettings.forwarding')}</Typography.Text>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={memory.forwarding}
        onFinish={(forwarding) => save.mutate({ kind: 'forwarding', forwarding })}
        style={{ marginTop: 6 }}
      >
        <Form.Item name="mode" label={t('phoneSettings.mode')} style={{ marginBottom: 6 }}>
          <Select
            data-testid="forwarding-mode"
            options={forwardingModes.map((m) => ({ value: m, label: t(`phoneSettings.modes.${m}`) }))}
          />
        </Form.Item>
        {mode !== 'off' && (
          <Form.Item
            name="number"
            label={t('phoneSettings.number')}
            rules={[{ required: true, pattern: /^[\d\s()+-]{3,24}$/, message: t('phoneSettings.numberRule') }]}
            style={{ marginBottom: 6 }}
          >
            <Input data-testid="forwarding-number" inputMode="tel" />
          </Form.Item>
        )}
        {mode === 'noAnswer' && (
          <Form.Item
            name="noAnswerSeconds"
            label={t('phoneSettings.noAnswerSeconds')}
            rules={[{ required: true, type: 'number', min: 5, max: 120, message: '5–120' }]}
            style={{ marginBottom: 6 }}
          >
            <InputNumber data-testid="forwarding-seconds" min={5} max={120} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {mode === 'timeWindow' && (
          <Space>
            <Form.Item name="from" label={t('phoneSettings.from')} rules={[{ required: true }]} style={{ marginBottom: 6 }}>
              <Input type="time" data-testid="forwarding-from" />
            </Form.Item>
            <Form.Item name="to" label={t('phoneSettings.to')} rules={[{ required: true }]} style={{ marginBottom: 6 }}>
              <Input type="time" data-testid="forwarding-to" />
            </Form.Item>
          </Space>
        )}
        <Button htmlType="submit" size="small" data-testid="forwarding-save" loading={save.isPending && save.variables?.kind === 'forwarding'}>
          {t('phoneSettings.save')}
        </Button>
      </Form>
      <Divider style={{ margin: '10px 0' }} />
      <Typography.Text strong>{t('phoneSettings.skillGroups')}</Typography.Text>
      <div style={{ margin: '6px 0' }}>
        <Checkbox.Group
          data-testid="skill-groups"
          value={groups}
          onChange={(v) => setGroups(me.skillGroups.filter((g) => (v as string[]).includes(g)))}
          options={me.skillGroups.map((g) => ({ value: g, label: groupName(g) }))}
        />
      </div>
      <Button
        size="small"
        data-testid="skill-groups-save"
        disabled={!signedIn || groups.length === 0}
        title={signedIn ? undefined : t('phoneSettings.signInFirst')}
        loading={save.isPending && save.variables?.kind === 'skillGroups'}
        onClick={() => save.mutate({ kind: 'skillGroups', skillGroups: groups })}
      >
        {t('phoneSettings.save')}
      </Button>
    </div>
  );
}

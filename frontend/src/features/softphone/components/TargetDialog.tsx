import { AutoComplete, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTarget } from '../../../shared/calls/callCommands';
import { frequentNumbers } from '../../../shared/calls/frequentNumbers';
import { useAgentDirectory } from '../api/useAgentDirectory';

export type TargetPurpose = 'transfer' | 'consult' | 'help';
type Kind = 'agent' | 'queue' | 'number';

interface Props {
  purpose: TargetPurpose | null;
  me: { id: string; skillGroups: string[] };
  busy: boolean;
  onCancel: () => void;
  onSubmit: (purpose: TargetPurpose, target: CallTarget) => void;
}

/**
 * Whom to transfer to (blind, R-PHONE-8), consult or ask for help (R-PHONE-11): an agent (picked
 * from GET /api/agents when permitted, else typed), a skill group, or an external number.
 */
export function TargetDialog({ purpose, me, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: Kind; value: string }>();
  const [kind, setKind] = useState<Kind>('agent');
  const { agents } = useAgentDirectory(purpose !== null);

  useEffect(() => {
    if (purpose) {
      form.resetFields();
      setKind('agent');
    }
  }, [purpose, form]);

  const finish = ({ value }: { value: string }) => {
    if (!purpose) return;
    const v = value.trim();
    const target: CallTarget =
      kind === 'agent' ? { targetAgentId: v } : kind === 'queue' ? { targetQueue: v } : { targetNumber: v };
    onSubmit(purpose, target);
  };

  const agentOptions = (agents ?? [])
    .filter((a) => a.agentId !== me.id)
    .map((a) => ({
      value: a.agentId,
      label: `${a.name} (${a.agentId}) — ${t(`state.${a.state}`)}`,
      disabled: a.state === 'signedOut',
    }));

  return (
    <Modal
      open={purpose !== null}
      title={purpose ? t(`target.title.${purpose}`) : ''}
      okText={purpose ? t(`target.ok.${purpose}`) : ''}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'target-submit' } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="target-dialog">
      <Form form={form} layout="vertical" onFinish={finish} initialValues={{ kind: 'agent', value: '' }}>
        <Form.Item name="kind" label={t('target.kind')}>
          <Radio.Group
            optionType="button"
            onChange={(e) => {
              setKind(e.target.value as Kind);
              form.setFieldValue('value', '');
            }}
            options={(['agent', 'queue', 'number'] as Kind[]).map((k) => ({
              value: k,
              label: <span data-testid={`target-kind-${k}`}>{t(`target.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t(`target.${kind}`)}
          rules={[{ required: true, whitespace: true, message: t('target.required') }]}
          extra={kind === 'agent' && !agents ? t('target.agentTyped') : undefined}
        >
          {kind === 'agent' && agents ? (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={agentOptions}
              data-testid="target-agent"
              placeholder={t('target.agentPick')}
            />
          ) : kind === 'agent' ? (
            <Input autoFocus data-testid="target-agent" placeholder="agent2" onPressEnter={() => form.submit()} />
          ) : kind === 'queue' ? (
            <AutoComplete
              data-testid="target-queue"
              options={me.skillGroups.map((g) => ({ value: g }))}
              placeholder={t('target.queuePlaceholder')}
            />
          ) : (
            <AutoComplete
              data-testid="target-number"
              options={frequentNumbers().map((n) => ({ value: n }))}
              placeholder={t('dial.numberPlaceholder')}
            />
          )}
        </Form.Item>
      </Form>
      </div>
    </Modal>
  );
}

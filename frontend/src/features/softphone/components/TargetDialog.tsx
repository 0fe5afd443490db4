import { AutoComplete, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallTarget } from '../../../shared/calls/callCommands';
import { frequentNumbers } from '../../../shared/calls/frequentNumbers';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
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
 * Whom to transfer to (blind, R-PHONE-8), consult or ask for help (R-PHONE-11): a colleague picked
 * from a searchable list of their presence (name, id, extension, state), a skill group, or an external number.
 */
export function TargetDialog({ purpose, me, busy, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const groupName = useSkillGroupName();
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

  // free colleagues first, then busy ones, signed-out ones last (not selectable)
  const order: Record<string, number> = { ready: 0, notReady: 1, wrapUp: 2, talking: 3, signedOut: 4 };
  const agentOptions = (agents ?? [])
    .filter((a) => a.agentId !== me.id)
    .sort((a, b) => (order[a.state] ?? 5) - (order[b.state] ?? 5))
    .map((a) => ({
      value: a.agentId,
      search: `${a.name} ${a.agentId} ${a.extension ?? ''}`,
      label: (
        <span data-testid={`target-agent-option-${a.agentId}`}>
          {a.name} ({a.agentId}
          {a.extension ? ` · ${t('target.extension', { extension: a.extension })}` : ''}) —{' '}
          <span style={{ color: agentStateColor[a.state] }}>{t(`state.${a.state}`)}</span>
        </span>
      ),
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
              showSearch={{ optionFilterProp: 'search' }}
              options={agentOptions}
              data-testid="target-agent"
              placeholder={t('target.agentPick')}
            />
          ) : kind === 'agent' ? (
            <Input autoFocus data-testid="target-agent" placeholder="agent2" onPressEnter={() => form.submit()} />
          ) : kind === 'queue' ? (
            <AutoComplete
              data-testid="target-queue"
              options={me.skillGroups.map((g) => ({ value: g, label: groupName(g) }))}
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

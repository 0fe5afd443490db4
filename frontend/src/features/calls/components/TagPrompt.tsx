import { TagsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Typography, type RefSelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import type { ScreenPop } from '../../../shared/api/callTypes';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState, Me } from '../../../shared/api/types';
import { useMe } from '../../../shared/auth/useMe';
import { setTagPromptDismissed, useTagPromptDismissed } from '../../../shared/calls/tagPrompt';
import { useCall } from '../../../shared/calls/useMyCalls';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useCallCustomer } from '../api/useCallCustomer';
import { useCallPurposes } from '../api/useCallPurposes';
import { useTagCall } from '../api/useTagCall';

interface TagForm {
  purpose?: string;
  subtype?: string;
  customerId?: string | null;
}

/**
 * R-TAG-2: once a customer call ended, ask for its purpose and sub-type before the next call.
 * Shown when my state has an untaggedCallId and I am not on a call; "Later" puts it off (a
 * toolbar button brings it back, and so does a refused "ready"). Enter submits.
 */
export function TagPrompt() {
  const { t } = useTranslation();
  const agentState = useMyAgentState();
  const callId = agentState?.untaggedCallId ?? null;
  const dismissed = useTagPromptDismissed(callId);
  const queryClient = useQueryClient();
  if (!callId || !agentState) return null;
  const open = agentState.state !== 'talking' && !dismissed;
  return (
    <>
      <Button
        size="small"
        color="orange"
        variant="solid"
        icon={<TagsOutlined />}
        data-testid="btn-tag-call"
        onClick={() => setTagPromptDismissed(queryClient, callId, false)}
      >
        {t('tag.pending')}
      </Button>
      {open && <TagDialog callId={callId} onLater={() => setTagPromptDismissed(queryClient, callId, true)} />}
    </>
  );
}

function TagDialog({ callId, onLater }: { callId: string; onLater: () => void }) {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const call = useCall(callId);
  const purposes = useCallPurposes();
  const tag = useTagCall();
  const [chosen] = useCallCustomer(callId);
  const pop = queryClient.getQueryData<ScreenPop>(queryKeys.screenPop(callId));
  const chosenPop = chosen ? queryClient.getQueryData<ScreenPop>(queryKeys.screenPop(callId, chosen)) : undefined;
  const [form] = Form.useForm<TagForm>();
  const purposeRef = useRef<RefSelectProps>(null);
  const subtypeRef = useRef<RefSelectProps>(null);
  // local state, not Form.useWatch: the sub-type must be enabled before the focus moves to it
  const [purpose, setPurpose] = useState<string>();
  const initialCustomer = chosen ?? (pop?.match === 'single' ? pop.customer?.id : undefined) ?? null;

  const customerOptions = useMemo(() => {
    const list = [...(pop?.customers ?? [])];
    const extra = chosenPop?.customer ?? pop?.customer;
    if (extra && !list.some((c) => c.id === extra.id)) list.push(extra);
    return list.map((c) => ({ value: c.id, label: `${c.name} — ${c.address}` }));
  }, [pop, chosenPop]);

  const subtypes = purposes.data?.find((p) => p.code === purpose)?.subtypes ?? [];
  useEffect(() => {
    if (subtypes.length === 1) form.setFieldValue('subtype', subtypes[0]);
  }, [subtypes, form]);

  const submit = (values: TagForm) => {
    if (!values.purpose || !values.subtype) return;
    tag.mutate(
      { callId, purpose: values.purpose, subtype: values.subtype, customerId: values.customerId },
      {
        onSuccess: () => {
          markTagged(queryClient, me, callId);
          void message.success({ content: t('tag.saved'), key: 'tag' });
        },
      },
    );
  };

  // Enter submits once purpose and sub-type are chosen, unless a dropdown is open (Enter picks there).
  const onKeyDownCapture = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    if ((e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    const v = form.getFieldsValue();
    if (!v.purpose || !v.subtype) return;
    e.preventDefault();
    e.stopPropagation();
    form.submit();
  };

  const purposeLabel = (p: { name: string; nameZh?: string | null }) =>
    i18n.language.startsWith('zh') && p.nameZh ? p.nameZh : p.name;

  return (
    <Modal
      open
      title={t('tag.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      // the modal focuses itself when open: hand the focus on to the first field
      afterOpenChange={(open) => open && purposeRef.current?.focus()}
      footer={[
        <Button key="later" onClick={onLater} data-testid="tag-later">
          {t('tag.later')}
        </Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()} loading={tag.isPending} data-testid="tag-submit">
          {t('tag.submit')}
        </Button>,
      ]}
    >
      <div onKeyDownCapture={onKeyDownCapture} data-testid="tag-dialog">
        <Typography.Paragraph type="secondary">
          {t('tag.intro', { number: call?.ani ?? pop?.ani ?? '—' })}
        </Typography.Paragraph>
        <Form<TagForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ customerId: initialCustomer ?? undefined }}
          requiredMark={false}
        >
          <Form.Item name="purpose" label={t('tag.purpose')} rules={[{ required: true, message: t('tag.purposeRequired') }]}>
            <Select
              ref={purposeRef}
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="tag-purpose"
              loading={purposes.isLoading}
              onChange={(code: string) => {
                setPurpose(code);
                form.setFieldValue('subtype', undefined);
                setTimeout(() => subtypeRef.current?.focus()); // once enabled: on to the sub-type
              }}
              options={(purposes.data ?? []).map((p) => ({ value: p.code, label: purposeLabel(p) }))}
            />
          </Form.Item>
          <Form.Item name="subtype" label={t('tag.subtype')} rules={[{ required: true, message: t('tag.subtypeRequired') }]}>
            <Select
              ref={subtypeRef}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="tag-subtype"
              disabled={!purpose}
              options={subtypes.map((s) => ({ value: s, label: code('subtype', s) }))}
            />
          </Form.Item>
          <Form.Item name="customerId" label={t('tag.customer')} extra={customerOptions.length ? undefined : t('tag.noCustomer')}>
            <Select allowClear data-testid="tag-customer" options={customerOptions} disabled={!customerOptions.length} />
          </Form.Item>
        </Form>
        {tag.isError && <Alert type="error" showIcon data-testid="tag-error" title={problemMessage(tag.error, t)} />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tag.keyboardHint')}
        </Typography.Text>
      </div>
    </Modal>
  );
}

/** The push that clears untaggedCallId follows; meanwhile do not ask again for this call. */
function markTagged(queryClient: ReturnType<typeof useQueryClient>, me: Me | null | undefined, callId: string) {
  if (!me) return;
  const clear = (s: AgentState | null | undefined) => (s && s.untaggedCallId === callId ? { ...s, untaggedCallId: null } : s);
  queryClient.setQueryData<AgentState | null>(queryKeys.agent(me.id), clear);
  queryClient.setQueryData<Me | null>(queryKeys.me, (m) => (m ? { ...m, agentState: clear(m.agentState) ?? null } : m));
}

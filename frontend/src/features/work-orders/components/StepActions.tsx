import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { fieldErrors } from '../../../shared/api/fieldErrors';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { nextSteps, type StepAction } from '../api/nextSteps';
import { RESULTS, type WorkOrderSummary } from '../api/types';
import { useWorkOrderStep } from '../api/useWorkOrderCommands';
import { useFieldTeams } from '../api/useWorkOrders';

/** Actions that ask for more than a click. */
const withDialog: StepAction[] = ['assign', 'reassign', 'complete'];
const FIELDS = ['team', 'technician', 'result', 'note', 'reason'] as const;

interface DialogFields {
  team?: string;
  technician?: string;
  result?: string;
  note?: string;
  reason?: string;
}

/** The buttons for the next allowed step only (R-WO-2); the server still has the last word (422 → message). */
export function StepActions({ workOrder: w }: { workOrder: WorkOrderSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isAdmin = hasAnyRole(useMe().data, 'admin');
  const step = useWorkOrderStep();
  const [dialog, setDialog] = useState<StepAction | null>(null);
  const [form] = Form.useForm<DialogFields>();
  const actions = nextSteps(w.currentStep, isAdmin);

  const run = (action: StepAction, body: Record<string, string | undefined> = {}) =>
    step.mutate(
      { id: w.id, action, body },
      {
        onSuccess: () => {
          setDialog(null);
          void message.success(t('woDetail.done', { step: t(`woAction.${action}`) }));
        },
        onError: (e) => {
          const fields = fieldErrors(e, FIELDS);
          if (dialog && fields.length) form.setFields(fields);
          else void message.error(problemMessage(e, t));
          if (isApiError(e, 422)) setDialog(null);
        },
      },
    );
  const open = (action: StepAction) => {
    if (!withDialog.includes(action)) return run(action);
    form.resetFields();
    form.setFieldsValue({ team: action === 'assign' ? `team-${w.area}` : (w.team ?? undefined), result: 'resolved' });
    setDialog(action);
  };
  const submit = (v: DialogFields) =>
    run(dialog!, dialog === 'complete' ? { result: v.result, note: v.note?.trim() || undefined } : {
      team: v.team || undefined,
      technician: v.technician || undefined,
      ...(dialog === 'reassign' ? { reason: v.reason?.trim() } : {}),
    });

  if (actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="wo-actions">
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 ? 'primary' : 'default'}
            danger={a === 'reassign'}
            loading={step.isPending && step.variables?.action === a && !dialog}
            onClick={() => open(a)}
            data-testid={`wo-action-${a}`}
          >
            {t(`woAction.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!dialog}
        title={dialog ? t(`woAction.${dialog}`) : ''}
        okText={t('woDetail.confirm')}
        cancelText={t('woDetail.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        confirmLoading={step.isPending}
        okButtonProps={{ 'data-testid': 'wo-step-submit' }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit} data-testid="wo-step-dialog">
          {(dialog === 'assign' || dialog === 'reassign') && <AssigneeFields />}
          {dialog === 'reassign' && (
            <Form.Item name="reason" label={t('woDetail.reasonLabel')} rules={[{ required: true, whitespace: true, max: 500, message: t('woDetail.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="wo-step-reason" />
            </Form.Item>
          )}
          {dialog === 'complete' && (
            <>
              <Form.Item name="result" label={t('woDetail.resultLabel')} rules={[{ required: true }]}>
                <Radio.Group data-testid="wo-step-result">
                  <Space orientation="vertical">
                    {RESULTS.map((r) => (
                      <Radio key={r} value={r} data-testid={`wo-result-${r}`}>
                        {t(`woResult.${r}`)}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="note" label={t('woDetail.noteLabel')} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} data-testid="wo-step-note" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** Team, then (optionally) one of its technicians. */
function AssigneeFields() {
  const { t } = useTranslation();
  const teams = useFieldTeams().data ?? [];
  const form = Form.useFormInstance<DialogFields>();
  const team = Form.useWatch('team', form);
  const technicians = teams.find((x) => x.id === team)?.technicians ?? [];
  return (
    <>
      <Form.Item name="team" label={t('wo.team')} rules={[{ required: true, message: t('woDetail.teamRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
          onChange={() => form.setFieldValue('technician', undefined)}
          data-testid="wo-step-team"
        />
      </Form.Item>
      <Form.Item name="technician" label={t('wo.technician')} extra={t('woDetail.technicianOptional')}>
        <Select allowClear options={technicians.map((x) => ({ value: x.id, label: x.name }))} data-testid="wo-step-technician" />
      </Form.Item>
    </>
  );
}

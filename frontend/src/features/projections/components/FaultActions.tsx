import { App, Button, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import type { ProjectionFault } from '../api/projectionTypes';
import { useRetryProjection, useSkipProjectionEvent } from '../api/useProjections';

/** A faulted projection's event and error, and the admin's choices: retry it, or skip it with a reason (recorded). */
export function FaultActions({ fault, mayDecide }: { fault: ProjectionFault; mayDecide: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retry = useRetryProjection();
  const skip = useSkipProjectionEvent();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3 && reason.length <= 500;
  return (
    <Space direction="vertical" size={4} data-testid={`projection-fault-${fault.name}`}>
      <Typography.Text type="danger">
        {t('projections.fault', { position: fault.position, type: fault.eventType, stream: fault.streamId, attempts: fault.attempts, error: fault.error })}
      </Typography.Text>
      {mayDecide ? (
        <Space>
          <Button
            size="small"
            loading={retry.isPending}
            data-testid={`btn-retry-${fault.name}`}
            onClick={() =>
              retry.mutate(fault.name, {
                onSuccess: () => void message.info(t('projections.retried', { name: fault.name })),
                onError: (e) => void message.error(problemMessage(e, t)),
              })
            }
          >
            {t('projections.retry')}
          </Button>
          <Popconfirm
            title={t('projections.skipTitle', { name: fault.name, position: fault.position })}
            description={
              <Space direction="vertical" style={{ maxWidth: 360 }}>
                <Typography.Text>{t('projections.skipText')}</Typography.Text>
                <Input.TextArea
                  data-testid={`skip-reason-${fault.name}`}
                  placeholder={t('projections.skipReason')}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </Space>
            }
            okText={t('projections.skip')}
            cancelText={t('projections.cancel')}
            okButtonProps={{ disabled: !valid, danger: true }}
            onConfirm={() =>
              skip.mutate(
                { fault, reason: reason.trim() },
                {
                  onSuccess: () => void message.success(t('projections.skipped', { name: fault.name })),
                  onError: (e) => void message.error(problemMessage(e, t)),
                },
              )
            }
          >
            <Button size="small" danger loading={skip.isPending} data-testid={`btn-skip-${fault.name}`}>
              {t('projections.skip')}
            </Button>
          </Popconfirm>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('projections.adminsOnly')}</Typography.Text>
      )}
    </Space>
  );
}

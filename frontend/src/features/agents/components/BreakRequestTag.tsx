import { CloseOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { useBreakAction, useBreakRequests } from '../../../shared/breaks/breakRequests';
import { useReasonName } from '../../../shared/ui/useReasonName';

/** The agent's open break request (R-STATE-3): waiting for approval (with its place), or granted and waiting for the wrap-up to end. */
export function BreakRequestTag({ agentId }: { agentId: string }) {
  const { t } = useTranslation();
  const requests = useBreakRequests();
  const action = useBreakAction();
  const reasonName = useReasonName();
  const state = useMyAgentState();
  const open = (Array.isArray(requests.data) ? requests.data : []).find(
    (r) => r.agentId === agentId && (r.state === 'pending' || (r.state === 'approved' && !r.startedAt)),
  );
  if (!open) return null;
  const reason = reasonName(open.reasonCode);
  const text =
    open.state === 'pending'
      ? t('breaks.pendingTag', { reason, position: open.waitingPosition ?? 1 })
      : state?.scheduledReasonCode
        ? t('breaks.afterWrapUpTag', { reason })
        : t('breaks.approvedTag', { reason });
  return (
    <Tag color={open.state === 'pending' ? 'gold' : 'green'} data-testid="break-request-tag" data-state={open.state} style={{ marginInlineEnd: 0 }}>
      {text}
      <Tooltip title={t('breaks.cancel')}>
        <Button
          type="text"
          size="small"
          aria-label={t('breaks.cancel')}
          data-testid="break-request-cancel"
          icon={<CloseOutlined />}
          disabled={action.isPending}
          onClick={() => action.mutate({ action: 'cancel', id: open.id })}
        />
      </Tooltip>
    </Tag>
  );
}

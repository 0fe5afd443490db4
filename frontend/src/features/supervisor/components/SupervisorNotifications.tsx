import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { useHubEvent } from '../../../shared/signalr/SignalRProvider';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { useReasonName } from '../../../shared/ui/useReasonName';

/** R-SUP-6: pushed as `supervisorNotification` to the supervisors of the agent's team and to admins. */
export interface SupervisorNotification {
  id: string;
  kind: 'signedIn' | 'signedOut' | 'breakRequested' | 'breakStarted' | 'breakEnded' | 'threshold';
  agentId: string;
  name: string;
  teamId: string | null;
  reasonCode: string | null;
  at: string;
  /** Kind threshold: talk, hold, wrapUp, notReady or waiting; the limit (seconds, or calls for waiting) and the calls waiting. */
  threshold?: 'talk' | 'hold' | 'wrapUp' | 'notReady' | 'waiting' | null;
  limitSeconds?: number | null;
  count?: number | null;
}

export const SUPERVISOR_NOTIFICATION = 'supervisorNotification';
/** The feed of this browser session (client-only), newest first. */
const feedKey = ['supervisor-notifications'] as const;
const FEED_SIZE = 50;

/** The bell on the supervisor's header: a toast for each notification and the session's feed. */
export function SupervisorNotifications() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const reasonName = useReasonName();
  const supervises = hasAnyRole(useMe().data, 'supervisor', 'admin');
  const feed = useQuery({ queryKey: feedKey, queryFn: () => [] as SupervisorNotification[], staleTime: Infinity, enabled: false, initialData: [] });
  const text = useCallback(
    (n: SupervisorNotification) =>
      n.kind === 'threshold'
        ? t(`notifications.threshold.${n.threshold ?? 'talk'}`, {
            name: n.name || n.agentId,
            count: n.count ?? 0,
            limit: n.threshold === 'waiting' ? String(n.limitSeconds ?? '') : formatDuration((n.limitSeconds ?? 0) * 1000),
          })
        : t(`notifications.${n.kind}`, { name: n.name || n.agentId, reason: n.reasonCode ? reasonName(n.reasonCode) : '' }),
    [t, reasonName],
  );
  const onNotification = useCallback(
    (n: SupervisorNotification) => {
      if (!supervises) return;
      queryClient.setQueryData<SupervisorNotification[]>(feedKey, (list = []) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, FEED_SIZE));
      notification.info({ key: n.id, message: text(n), placement: 'bottomRight', duration: 4, props: { 'data-testid': `toast-${n.kind}-${n.agentId}` } as never });
    },
    [supervises, queryClient, notification, text],
  );
  useHubEvent(SUPERVISOR_NOTIFICATION, onNotification);
  if (!supervises) return null;
  const items = feed.data ?? [];
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={
        items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <List
            size="small"
            style={{ width: 320, maxHeight: 360, overflow: 'auto' }}
            dataSource={items}
            renderItem={(n) => (
              <List.Item data-testid={`feed-${n.kind}-${n.agentId}`}>
                <span>{text(n)}</span>
                <Typography.Text type="secondary">{new Date(n.at).toLocaleTimeString(i18n.language)}</Typography.Text>
              </List.Item>
            )}
          />
        )
      }
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell" style={{ color: 'inherit' }}>
        <Badge count={items.length} size="small" overflowCount={99}>
          <BellOutlined style={{ color: 'inherit', fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

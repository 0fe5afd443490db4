import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { useHubEvent } from '../../../shared/signalr/SignalRProvider';
import { PROJECTION_FAULTED, type ProjectionFault } from '../api/projectionTypes';

/** Tells a signed-in admin at once, on any page, that a read model stopped at an event (SignalR `projectionFaulted`). */
export function ProjectionFaultNotice() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const isAdmin = hasAnyRole(useMe().data, 'admin');
  const onFaulted = useCallback(
    (fault: ProjectionFault) => {
      if (!isAdmin) return;
      notification.error({
        key: `projection-fault-${fault.name}`,
        message: t('projections.faultedNotice', { name: fault.name }),
        description: t('projections.fault', { position: fault.position, type: fault.eventType, stream: fault.streamId, attempts: fault.attempts, error: fault.error }),
        duration: 0,
      });
    },
    [isAdmin, notification, t],
  );
  useHubEvent(PROJECTION_FAULTED, onFaulted);
  return null;
}

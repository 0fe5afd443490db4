import { PhoneOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallCommand } from '../calls/callCommands';
import { useCanDial } from '../calls/useCanDial';

/** A phone number with click-to-call (R-PHONE-6): dials it through POST /api/calls/dial. */
export function PhoneNumber({ number }: { number: string | null | undefined }) {
  const { t } = useTranslation();
  const dial = useCallCommand();
  const canDial = useCanDial();
  if (!number) return <>—</>;
  return (
    <Tooltip title={canDial ? t('dial.clickToCall', { number }) : t('dial.cannotNow')}>
      <Button
        type="link"
        size="small"
        icon={<PhoneOutlined />}
        disabled={!canDial}
        loading={dial.isPending}
        onClick={() => dial.mutate({ verb: 'dial', number })}
        data-testid="click-to-call"
        data-number={number}
        style={{ paddingInline: 0, height: 'auto', fontVariantNumeric: 'tabular-nums' }}
      >
        {number}
      </Button>
    </Tooltip>
  );
}

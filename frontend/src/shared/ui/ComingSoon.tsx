import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Honest placeholder for menu items whose feature ships in a later release. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="coming-soon"
      icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />}
      title={title}
      subTitle={t('comingSoon.body')}
    />
  );
}

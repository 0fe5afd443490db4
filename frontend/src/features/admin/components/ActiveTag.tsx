import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Active or retired (retired items stay readable: history names them). */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="green">{t('adm.active')}</Tag> : <Tag>{t('adm.retired')}</Tag>;
}

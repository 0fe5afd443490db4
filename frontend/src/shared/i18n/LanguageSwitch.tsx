import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './LanguageProvider';
import type { Language } from './language';

/** Language switch; each option is labelled in its own language. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { language, setLanguage } = useLanguage();
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('lang.label')}
      title={t('lang.label')}
      size={size}
      value={language}
      onChange={setLanguage}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh-CN" lang="zh-CN">中文</span> },
        { value: 'en', label: <span data-testid="lang-en" lang="en">EN</span> },
      ]}
    />
  );
}

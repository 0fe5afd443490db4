import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What the chart and table need from the reader's language. */
export interface ReportText {
  language: string;
  /** A column's label: reports.columns.{key}, else the key itself. */
  column: (key: string) => string;
  /** The backend's "unknown" grouping key. */
  unknown: string;
  /** A text cell in the reader's language where the value is a code the SPA knows (agent states). */
  code: (key: string, value: string) => string;
}

export function useReportText(): ReportText {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({ language, column: (key: string) => t(`reports.columns.${key}`, { defaultValue: key }), unknown: t('reports.unknown'),
      code: (key: string, value: string) => (key === 'state' ? t(`state.${value}`, { defaultValue: value }) : value),
    }),
    [t, language],
  );
}

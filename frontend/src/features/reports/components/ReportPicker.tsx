import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDefinition } from '../api/types';

interface Props {
  reports: ReportDefinition[];
  value: string;
  onChange: (name: string) => void;
}

/** Every report by category (reports.categories.*), searchable by its translated title. */
export function ReportPicker({ reports, value, onChange }: Props) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const byCategory = new Map<string, ReportDefinition[]>();
    for (const r of reports) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
    return [...byCategory].map(([category, items]) => ({
      label: t(`reports.categories.${category}`, { defaultValue: category }),
      title: category,
      options: items.map((r) => ({ value: r.name, label: t(`reports.${r.name}.title`, { defaultValue: r.name }) })),
    }));
  }, [reports, t]);
  return (
    <Select
      id="report-picker"
      data-testid="report-picker"
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 260 }}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

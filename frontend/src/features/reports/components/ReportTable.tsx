import { Table, type TableColumnsType } from 'antd';
import type { TdHTMLAttributes } from 'react';
import { useMemo } from 'react';
import type { ReportDefinition, ReportRow } from '../api/types';
import { compareCells, formatCell, isNumericKind } from './formatCell';
import type { ReportText } from './reportText';

interface Props {
  definition: ReportDefinition;
  rows: ReportRow[];
  loading: boolean;
  text: ReportText;
}

type KeyedRow = ReportRow & { __row: number };

/** Every column of the report, formatted by kind and sortable (numbers as numbers, missing last). */
export function ReportTable({ definition, rows, loading, text }: Props) {
  const { language } = text;
  const columns: TableColumnsType<KeyedRow> = useMemo(
    () =>
      definition.columns.map(({ key, kind }) => ({
        key,
        dataIndex: key,
        title: text.column(key),
        align: isNumericKind(kind) ? 'right' : 'left',
        sorter: (a: KeyedRow, b: KeyedRow) => compareCells(kind, a[key], b[key], language),
        showSorterTooltip: false,
        render: (value: unknown) => (kind === 'text' && typeof value === 'string' ? text.code(key, formatCell(kind, value, language, text.unknown)) : formatCell(kind, value, language, text.unknown)),
        onCell: () => ({ 'data-column': key }) as TdHTMLAttributes<HTMLTableCellElement>,
      })),
    [definition, text, language],
  );
  const keyed = useMemo(() => rows.map((r, i) => ({ ...r, __row: i })), [rows]);
  return (
    <Table<KeyedRow>
      data-testid="report-table"
      size="small"
      bordered
      columns={columns}
      dataSource={keyed}
      rowKey="__row"
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}

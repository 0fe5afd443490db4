/** How a column is shown (backend Reports/ReportCatalog.cs): percent is a share 0..1. */
export type ColumnKind = 'text' | 'count' | 'percent' | 'seconds' | 'number' | 'datetime' | 'date';

export interface ReportColumn {
  key: string;
  kind: ColumnKind;
}

/** One report as GET /api/reports describes it: enough to show it without knowing it. */
export interface ReportDefinition {
  name: string;
  category: string;
  groupBy: string[];
  filters: string[];
  columns: ReportColumn[];
  chart: 'bar' | 'line' | 'pie';
  chartX: string;
  chartSeries: string[];
  /** Filters whose values are a closed set, offered in a list (the first is the default). */
  choices?: Record<string, string[]> | null;
}

export type ReportRow = Record<string, unknown>;

/** What a report is asked for: center days (yyyy-MM-dd, `to` inclusive), a grouping, filter values. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy?: string;
  filters: Record<string, string>;
}
